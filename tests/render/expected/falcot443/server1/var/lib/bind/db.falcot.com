;
; Ansible managed
;
; rtcstack zone content sha256 49da9ac6dc37233dfc88826e998e38cb8b2567685ed2f25ea6d83cff426aa302 serial 2026010100
$ORIGIN falcot.com.
$TTL 3600
@	IN	SOA	server1.falcot.com. hostmaster.falcot.com. (
		2026010100	; serial
		3600	; refresh
		900	; retry
		1209600	; expire
		300 )	; negative caching TTL
@	IN	NS	server1.falcot.com.

@                        IN A      198.51.100.131
@                        IN AAAA   2001:db8:1000:2000::131
server1                  IN A      198.51.100.131
server1                  IN AAAA   2001:db8:1000:2000::131
turn-server              IN A      198.51.100.132
turn-rest                IN A      198.51.100.136
sip-proxy                IN A      198.51.100.133
sip-proxy                IN AAAA   2001:db8:1000:2000::133
xmpp-gw                  IN A      198.51.100.134
xmpp-gw                  IN AAAA   2001:db8:1000:2000::134
_stun._udp               IN SRV    0 1 443 turn-server.falcot.com.
_turn._udp               IN SRV    0 1 443 turn-server.falcot.com.
_turn._tcp               IN SRV    0 1 443 turn-server.falcot.com.
_turns._tcp              IN SRV    0 1 443 turn-server.falcot.com.
@                        IN NAPTR  10 0 "s" "RELAY:turn.udp" "" _turn._udp.falcot.com.
@                        IN NAPTR  15 0 "s" "RELAY:turn.tcp" "" _turn._tcp.falcot.com.
@                        IN NAPTR  20 0 "s" "RELAY:turn.tls" "" _turns._tcp.falcot.com.
_sips._tcp               IN SRV    0 1 443 sip-proxy.falcot.com.
@                        IN NAPTR  10 0 "s" "SIPS+D2T" "" _sips._tcp.falcot.com.
_xmpp-client._tcp        IN SRV    5 0 5222 xmpp-gw.falcot.com.
_xmpp-server._tcp        IN SRV    5 0 5269 xmpp-gw.falcot.com.
_xmpps-client._tcp       IN SRV    5 0 443 xmpp-gw.falcot.com.
