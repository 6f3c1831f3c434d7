-- Managed by rtcstack.debian.xmpp: the XMPP domain falcot.com.
-- Enabled by the symlink /etc/prosody/conf.d/falcot.com.cfg.lua; a change reloads Prosody.

VirtualHost "falcot.com"
	enabled = true
	ssl = {
		key = "/etc/ssl/private/falcot.com-key.pem";
		certificate = "/etc/ssl/public/falcot.com.pem";
		protocol = "tlsv1_2+";
		ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";
		cafile = "/etc/ssl/public/falcot.com-ca.pem";
		}
