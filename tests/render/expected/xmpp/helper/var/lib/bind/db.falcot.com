;
; Ansible managed
;
; rtcstack zone content sha256 7051ce381ac81631d5d4d631cf219b861562587cef0cc0c26edffea174255631 serial 2026010100
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
turn1                    IN A      198.51.100.65
turn2                    IN A      198.51.100.66
turn-server              IN A      198.51.100.65
turn-server2             IN A      198.51.100.66
xmpp-gw                  IN A      198.51.100.61
xmpp-gw                  IN AAAA   2001:db8:1000:2000::61
_stun._udp               IN SRV    0 1 3467 turn-server.falcot.com.
_stun._udp               IN SRV    0 1 3467 turn-server2.falcot.com.
_turn._udp               IN SRV    0 1 3467 turn-server.falcot.com.
_turn._udp               IN SRV    0 1 3467 turn-server2.falcot.com.
@                        IN NAPTR  10 0 "s" "RELAY:turn.udp" "" _turn._udp.falcot.com.
_xmpp-client._tcp        IN SRV    5 0 5222 xmpp-gw.falcot.com.
_xmpp-server._tcp        IN SRV    5 0 5269 xmpp-gw.falcot.com.
_xmpps-client._tcp       IN SRV    5 0 5223 xmpp-gw.falcot.com.
helper                   IN A      198.51.100.69
helper                   IN AAAA   2001:db8:1000:2000::69
