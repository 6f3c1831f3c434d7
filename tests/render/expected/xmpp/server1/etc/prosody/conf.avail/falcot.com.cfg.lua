-- Managed by rtcstack.debian.xmpp: the XMPP domain falcot.com.
-- Enabled by the symlink /etc/prosody/conf.d/falcot.com.cfg.lua; a change reloads Prosody.

VirtualHost "falcot.com"
	enabled = true
	ssl = {
		key = "/etc/ssl/private/falcot.com-key.pem";
		certificate = "/etc/ssl/public/falcot.com.pem";
		protocol = "tlsv1_3";
		cafile = "/etc/ssl/public/falcot.com-ca.pem";
		}

-- Multi-user chat; rooms may be created by users of falcot.com only.
Component "conference.falcot.com" "muc"
	restrict_room_creation = "local"
	ssl = {
		key = "/etc/ssl/private/falcot.com-key.pem";
		certificate = "/etc/ssl/public/falcot.com.pem";
		protocol = "tlsv1_3";
		cafile = "/etc/ssl/public/falcot.com-ca.pem";
		}
