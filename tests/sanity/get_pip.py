# Local stand-in for ansible-test's get-pip bootstrap (its download host is unreachable here):
# install the bundled pip with ensurepip, then run "pip install <args>" with the machine's pip config.
# get-pip's own options --no-setuptools / --no-wheel are not pip options: drop them.
import ensurepip
import os
import runpy
import sys

ensurepip.bootstrap(upgrade=True)
os.environ.pop('PIP_CONFIG_FILE', None)  # ensurepip sets it to /dev/null
args = [arg for arg in sys.argv[1:] if arg not in ('--no-setuptools', '--no-wheel')]
sys.argv = ['pip', 'install'] + args
runpy.run_module('pip', run_name='__main__', alter_sys=True)
