I = "/items/0"
def t(desc, src, task, diagnostics=None, options=None, **extra):
    e = {I + "/task": task}
    for k, v in extra.items():
        e[I + "/" + k] = v
    c = {"description": desc, "input": src, "expect": e}
    if diagnostics is not None:
        c["diagnostics"] = diagnostics
    if options:
        c["options"] = options
    return c

def s(state, marker):
    return {"state": state, "marker": marker}

GFM = {"task_dialect": "gfm"}
cases = [
    t("[ ] is open", "- [ ] write it", s("open", " "), [], text="write it"),
    t("[x] is done", "- [x] write it", s("done", "x"), []),
    t("[X] is done", "- [X] write it", s("done", "X"), []),
    t("[/] is in progress", "- [/] write it", s("in_progress", "/")),
    t("[-] is cancelled", "- [-] write it", s("cancelled", "-")),
    t("[~] is not applicable", "- [~] write it", s("not_applicable", "~")),
    t("[>] is deferred", "- [>] write it", s("deferred", ">")),
    t("[?] is other with the marker kept", "- [?] write it", s("other", "?")),
    t("[!] is other", "- [!] write it", s("other", "!")),
    t("[✓] is other, marker kept as written", "- [✓] write it", s("other", "✓")),
    t("[] is open with a diagnostic (dragonfly 2026-03-24)", "- [] write it", s("open", ""), ["empty-task-marker"], text="write it"),
    t("GFM: [/] is not a task, the brackets stay in the text", "- [/] write it", None, [], GFM, text="[/] write it"),
    t("GFM: [] is not a task", "- [] write it", None, [], GFM, text="[] write it"),
    t("GFM: [x] is done", "- [x] write it", s("done", "x"), [], GFM),
    t("GFM: [ ] is open", "- [ ] write it", s("open", " "), [], GFM),
    t("* [ ] is a task (nodejs 2019-09-25)", "* [ ] node-gyp: release", s("open", " ")),
    t("+ [ ] is a task", "+ [ ] write it", s("open", " ")),
    t("1. [ ] is a task", "1. [ ] write it", s("open", " ")),
    t("1) [x] is a task", "1) [x] write it", s("done", "x")),
    t("task without a list marker (rust-lang 2019-03-14)", "[x] [Beta nominations](https://example.com/beta)", s("done", "x"), ["task-without-list-marker"], text="[Beta nominations](https://example.com/beta)"),
    t("indented task without a list marker with a PR URL", "  [ ] https://github.com/rust-lang/rust/pull/58739", s("open", " "), ["task-without-list-marker"], references=[{"number": 58739, "kind": "pull"}]),
    {"description": "tasks without list markers nest by indentation (rust-lang 2019-03-14)",
     "input": "[ ] [Nominated PRs](https://example.com/prs)\n  [ ] https://github.com/rust-lang/rust/pull/58739\n    - We do not presently have a good way\n",
     "expect": {"/items/0/task/state": "open", "/items/0/children/0/task/state": "open",
                "/items/0/children/0/children/0/text": "We do not presently have a good way"},
     "diagnostics": ["task-without-list-marker", "task-without-list-marker"]},
    {"description": "a task line without a list marker interrupts a paragraph",
     "input": "Some prose\n[x] done\n",
     "expect": {"/paragraphs": ["Some prose"], "/items/0/task/state": "done"}},
    {"description": "a checkbox line in a fenced code block is not a task",
     "input": "```\n[x] not a task\n```\n", "expect": {"/items": []}, "diagnostics": []},
    {"description": "a lone [x] with nothing after it is not a task",
     "input": "[x]\n", "expect": {"/items": [], "/paragraphs": ["[x]"]}},
    {"description": "[a] at line start is a link label, not a task",
     "input": "[a] b\n", "expect": {"/items": []}},
    t("a link right after the marker is not a checkbox", "- [x](https://example.com) link", None, text="[x](https://example.com) link"),
    t("[WIP] is not a checkbox", "- [WIP] thing", None, text="[WIP] thing"),
    t("[a] is a label, not a checkbox", "- [a] thing", None),
    t("an empty task", "- [ ]", s("open", " "), text=""),
    t("no space after the box: not a task", "- [ ]not a task", None),
    t("escaped brackets are text (nodejs)", "- [ ] \\[WIP\\] mkdir", s("open", " "), text="\\[WIP\\] mkdir"),
    t("list indented by one space (electron)", " - [ ] write it (@tonyganch)", s("open", " "), owners=["tonyganch"]),
    {"description": "nested tasks under a task (electron wg-outreach-2019-04-01)",
     "input": "- [ ] parent\n  - [x] child one\n    * note\n  - [ ] child two\n",
     "expect": {"/items/0/children/0/task/state": "done", "/items/0/children/0/children/0/task": None,
                "/items/0/children/1/task/state": "open"}},
    {"description": "done with sub-tasks: a done task with an open sub-task is not done",
     "input": "- [x] a\n  - [x] b\n- [x] c\n  - [ ] d\n- e\n",
     "expect": {"/items/1/children/0/task/state": "open"},
     "done_with_subtasks": [True, False, True]},
    {"description": "done with sub-tasks: plain sub-bullets count as done (dragonfly 2025-09-09)",
     "input": "- [x] parent\n  - WIP\n",
     "expect": {"/items/0/children/0/task": None}, "done_with_subtasks": [True]},
    {"description": "done with sub-tasks: a cancelled sub-task is not done",
     "input": "- [x] parent\n  - [-] dropped\n",
     "expect": {"/items/0/children/0/task/state": "cancelled"}, "done_with_subtasks": [False]},
    {"description": "plain bullets mixed into a task list (dragonfly 2025-12-16)",
     "input": "## Actions\n\n- [ ] one @a\n- plain note\n- [x] two @b\n",
     "expect": {"/sections/0/items/0/task/state": "open", "/sections/0/items/1/task": None,
                "/sections/0/items/2/task/state": "done", "/sections/0/items/2/owners": ["b"]}},
    {"description": "deeply nested empty task (rust-lang 2019-11-14)",
     "input": "* [ ] a\n    * [ ] \n",
     "expect": {"/items/0/children/0/task/state": "open", "/items/0/children/0/text": ""}},
]
