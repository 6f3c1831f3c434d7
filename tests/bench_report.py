"""Print ./run bench's result: the two bench lines, then a table per role of both runs.

Usage: bench_report.py CONVERGE_S FLOOR_S RERUN_S CONVERGE_JSON RERUN_JSON [REPAIR_S REPAIR_JSON]
The JSON files are ansible-playbook output through the ansible.posix.json callback. With the repair
run (P3), a third line gives its time and what it changed.
"""

import json
import sys
from collections import defaultdict
from datetime import datetime


def _seconds(duration):
    if "end" not in duration:
        return 0.0
    fmt = "%Y-%m-%dT%H:%M:%S.%fZ"
    return (datetime.strptime(duration["end"], fmt) - datetime.strptime(duration["start"], fmt)).total_seconds()


def per_role(path):
    """{role: [tasks run, tasks skipped, seconds]} and the changed count over all hosts."""
    with open(path, encoding="utf-8") as f:
        run = json.load(f)
    table = defaultdict(lambda: [0, 0, 0.0])
    for play in run["plays"]:
        for entry in play["tasks"]:
            name = entry["task"]["name"]
            role = name.split(" : ", 1)[0].rsplit(".", 1)[-1] if " : " in name else "(playbook)"
            row = table[role]
            results = entry["hosts"].values()
            if results and all(r.get("skipped") for r in results):
                row[1] += 1
            else:
                row[0] += 1
            row[2] += _seconds(entry["task"]["duration"])
    changed = sum(s.get("changed", 0) for s in run["stats"].values())
    return table, changed


def module_runs(path):
    """How many module runs a run made: the results that carry their module's ``invocation`` (a task's
    own and each loop item's; a no_log task's result hides it, so this is a lower bound). Known-state
    actions that answered from the role's read, and controller-only tasks, have none."""
    with open(path, encoding="utf-8") as f:
        run = json.load(f)
    count = 0
    for play in run["plays"]:
        for entry in play["tasks"]:
            for result in entry["hosts"].values():
                items = result.get("results") if isinstance(result.get("results"), list) else [result]
                count += sum(1 for item in items if isinstance(item, dict) and "invocation" in item)
    return count


def main(argv):
    converge, floor, rerun = (float(a) for a in argv[1:4])
    first = per_role(argv[4])[0]
    second, changed = per_role(argv[5])
    print(f"bench: converge {converge:.1f} s, floor {floor:.1f} s, ratio {converge / floor:.1f}")
    print(f"bench: rerun {rerun:.1f} s, changed={changed}, ratio {rerun / converge:.2f}")
    print(f"bench: module runs (results with an invocation) converge {module_runs(argv[4])}, rerun {module_runs(argv[5])}")
    repaired = None
    if len(argv) > 7:
        repaired = per_role(argv[7])[1]
        print(f"bench: repair {float(argv[6]):.1f} s, changed={repaired}, ratio {float(argv[6]) / converge:.2f}")
    print()
    print(f"{'role':<12} {'P1 tasks':>9} {'skipped':>8} {'P1 s':>8} {'P2 tasks':>9} {'skipped':>8} {'P2 s':>8}")
    for role in sorted(set(first) | set(second), key=lambda r: -first.get(r, [0, 0, 0])[2]):
        a = first.get(role, [0, 0, 0.0])
        b = second.get(role, [0, 0, 0.0])
        print(f"{role:<12} {a[0]:>9} {a[1]:>8} {a[2]:>8.1f} {b[0]:>9} {b[1]:>8} {b[2]:>8.1f}")
    # The rerun must change nothing, and the repair must have put something back.
    return 0 if changed == 0 and repaired != 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
