-- Managed by rtcstack.debian.xmpp: the XMPP domain falcot.net.
-- Enabled by the symlink /etc/prosody/conf.d/falcot.net.cfg.lua; a change reloads Prosody.

VirtualHost "falcot.net"
	enabled = true
	ssl = {
		key = "/etc/ssl/private/falcot.com-key.pem";
		certificate = "/etc/ssl/public/falcot.com.pem";
		protocol = "tlsv1_3";
		cafile = "/etc/ssl/public/falcot.com-ca.pem";
		}

-- Multi-user chat; rooms may be created by users of falcot.net only.
Component "conference.falcot.net" "muc"
	restrict_room_creation = "local"
	ssl = {
		key = "/etc/ssl/private/falcot.com-key.pem";
		certificate = "/etc/ssl/public/falcot.com.pem";
		protocol = "tlsv1_3";
		cafile = "/etc/ssl/public/falcot.com-ca.pem";
		}
