// Managed by rtcstack.debian.web_phone from the inventory: changes here are overwritten.
// JSCommunicator's JSCommSettings. Every visitor can read this file: it carries no staff credentials,
// and the TURN credentials below are public (docs/web_phone.md).
var JSCommSettings = {
  "chat": {
    "enable": false
  },
  "dialing": {
    "audio_dialing": true,
    "auto_dial": {
      "default_destination": null,
      "on_startup": false,
      "use_video": false
    },
    "clear_dialbox": false,
    "edit_destination": true,
    "no_answer_timeout": 60,
    "prefer_video": false,
    "show_destination": true,
    "video_dialing": true
  },
  "extra_headers": [],
  "i18n": {
    "default_lang": "en",
    "show_menu": true,
    "translate": true
  },
  "registration": {
    "expiry": 600,
    "on_startup": true,
    "server": null,
    "user_control": false
  },
  "rtcstack": {
    "ice_transport_policy": "all",
    "sip_domain": "falcot.com",
    "sipjs_version": "0.21.2"
  },
  "session": {
    "dialpad_tone": true,
    "dtmf_duration": 160,
    "message_tone": true,
    "require_relay_candidate": false,
    "show_dtmf_pad": true
  },
  "stun_servers": [
    {
      "server": "stun:turn-server.falcot.com:3467"
    },
    {
      "server": "stun:turn-server2.falcot.com:3467"
    }
  ],
  "turn_servers": [
    {
      "password": "",
      "server": "turn:turn-server.falcot.com:3467?transport=udp",
      "username": ""
    },
    {
      "password": "",
      "server": "turn:turn-server2.falcot.com:3467?transport=udp",
      "username": ""
    }
  ],
  "user": {
    "display_name": null,
    "sip_auth_password": null,
    "sip_auth_user": null,
    "sip_auth_user_full_uri": false,
    "uri": null
  },
  "webserver": {
    "url_prefix": "/"
  },
  "websocket": {
    "connection_recovery_max_interval": 30,
    "connection_recovery_min_interval": 2,
    "servers": [
      {
        "weight": 2,
        "ws_uri": "wss://falcot.com:8443"
      },
      {
        "weight": 1,
        "ws_uri": "wss://sip-proxy2.falcot.com:8443"
      }
    ]
  }
};
