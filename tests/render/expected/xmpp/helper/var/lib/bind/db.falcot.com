;
; Ansible managed
;
; rtcstack zone content sha256 42aeef6677875f7a6b0d03ddf17b2abc157ae7af4eb527ff2782faf3af137af7 serial 2026010100
$ORIGIN falcot.com.
$TTL 3600
@	IN	SOA	helper.falcot.com. hostmaster.falcot.com. (
		2026010100	; serial
		3600	; refresh
		900	; retry
		1209600	; expire
		300 )	; negative caching TTL
@	IN	NS	helper.falcot.com.

@                        IN A      198.51.100.61
@                        IN AAAA   2001:db8:1000:2000::61
server1                  IN A      198.51.100.61
server1                  IN AAAA   2001:db8:1000:2000::61
xmpp-gw                  IN A      198.51.100.61
xmpp-gw                  IN AAAA   2001:db8:1000:2000::61
_xmpp-client._tcp        IN SRV    5 0 5222 xmpp-gw.falcot.com.
_xmpp-server._tcp        IN SRV    5 0 5269 xmpp-gw.falcot.com.
_xmpps-client._tcp       IN SRV    5 0 5223 xmpp-gw.falcot.com.
helper                   IN A      198.51.100.69
helper                   IN AAAA   2001:db8:1000:2000::69
