// Managed by rtcstack.debian.web_phone from the inventory: changes here are overwritten.
// The click-to-call guest, loaded only by the guest page (?guest). Its password is public by design:
// the SIP proxy lets this account call the listed destinations only. null: no guest calls.
var JSCommGuestSettings = {
  "destinations": [
    "sip:joe@falcot.com"
  ],
  "registration": {
    "on_startup": false
  },
  "user": {
    "display_name": "Website visitor",
    "sip_auth_password": "falcot-visitor-lab",
    "sip_auth_user": "visitor",
    "sip_auth_user_full_uri": false,
    "uri": "sip:visitor@falcot.com"
  }
};
