// Managed by rtcstack.debian.web_phone from the inventory: changes here are overwritten.
// The click-to-call guest, loaded only by the guest page (?guest). Its password is public by design:
// the SIP proxy lets this account call the listed destinations only. null: no guest calls.
var JSCommGuestSettings = null;
