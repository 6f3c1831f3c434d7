;
; Ansible managed
;
; rtcstack zone content sha256 af4ecef4bc0986bc2fd90f7eca28ecb3ef97cec205a2ea0ca40095e27462024f serial 2026010100
$ORIGIN falcot.com.
$TTL 3600
@	IN	SOA	server1.falcot.com. hostmaster.falcot.com. (
		2026010100	; serial
		3600	; refresh
		900	; retry
		1209600	; expire
		300 )	; negative caching TTL
@	IN	NS	server1.falcot.com.

@                        IN A      198.51.100.31
@                        IN AAAA   2001:db8:1000:2000::31
server1                  IN A      198.51.100.31
server1                  IN AAAA   2001:db8:1000:2000::31
turn2                    IN A      198.51.100.33
turn2                    IN AAAA   2001:db8:1000:2000::33
turn-server2             IN A      198.51.100.33
turn-server              IN A      198.51.100.31
sip-proxy                IN A      198.51.100.31
sip-proxy                IN AAAA   2001:db8:1000:2000::31
xmpp-gw                  IN A      198.51.100.31
xmpp-gw                  IN AAAA   2001:db8:1000:2000::31
_stun._udp               IN SRV    10 1 3467 turn-server2.falcot.com.
_stun._udp               IN SRV    0 1 3467 turn-server.falcot.com.
_turn._udp               IN SRV    10 1 3467 turn-server2.falcot.com.
_turn._udp               IN SRV    0 1 3467 turn-server.falcot.com.
@                        IN NAPTR  10 0 "s" "RELAY:turn.udp" "" _turn._udp.falcot.com.
_sips._tcp               IN SRV    0 1 5061 sip-proxy.falcot.com.
@                        IN NAPTR  10 0 "s" "SIPS+D2T" "" _sips._tcp.falcot.com.
_xmpp-client._tcp        IN SRV    5 0 5222 xmpp-gw.falcot.com.
_xmpp-server._tcp        IN SRV    5 0 5269 xmpp-gw.falcot.com.
