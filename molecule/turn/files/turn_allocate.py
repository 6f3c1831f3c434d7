# One TURN Allocate with aioice (Debian's python3-aioice), which reports the server's error code:
# prints "relayed ADDRESS:PORT" or "error CODE REASON". Usage: turn_allocate.py HOST PORT [USER PASSWORD]
import asyncio
import sys

from aioice import stun, turn


async def allocate(host, port, username=None, password=None):
    try:
        transport, _protocol = await turn.create_turn_endpoint(
            asyncio.DatagramProtocol, server_addr=(host, int(port)),
            username=username or None, password=password or None)
    except stun.TransactionFailed as exc:
        code, reason = exc.response.attributes['ERROR-CODE']
        return 'error %d %s' % (code, reason)
    address = transport.get_extra_info('sockname')
    transport.close()
    return 'relayed %s:%d' % (address[0], address[1])


print(asyncio.run(asyncio.wait_for(allocate(*sys.argv[1:]), 15)))
