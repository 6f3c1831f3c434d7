;
; Ansible managed
;
; rtcstack zone content sha256 aadbf29af95c7855a7bde28bb00e73e8a9ad47cfbc14afd50080126991745adc serial 2026010100
$ORIGIN falcot.com.
$TTL 3600
@	IN	SOA	server1.falcot.com. hostmaster.falcot.com. (
		2026010100	; serial
		3600	; refresh
		900	; retry
		1209600	; expire
		300 )	; negative caching TTL
@	IN	NS	server1.falcot.com.
@	IN	NS	server2.falcot.com.

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
server2                  IN A      198.51.100.35
server2                  IN AAAA   2001:db8:1000:2000::35
_acme-challenge          IN NS     server1.falcot.com.
_acme-challenge          IN NS     server2.falcot.com.
_acme-challenge.server1  IN NS     server1.falcot.com.
_acme-challenge.server1  IN NS     server2.falcot.com.
_acme-challenge.turn2    IN NS     server1.falcot.com.
_acme-challenge.turn2    IN NS     server2.falcot.com.
_acme-challenge.turn-server2 IN NS     server1.falcot.com.
_acme-challenge.turn-server2 IN NS     server2.falcot.com.
_acme-challenge.turn-server IN NS     server1.falcot.com.
_acme-challenge.turn-server IN NS     server2.falcot.com.
_acme-challenge.sip-proxy IN NS     server1.falcot.com.
_acme-challenge.sip-proxy IN NS     server2.falcot.com.
_acme-challenge.xmpp-gw  IN NS     server1.falcot.com.
_acme-challenge.xmpp-gw  IN NS     server2.falcot.com.
