I = "/items/0"
def o(desc, text, owners, **extra):
    e = {I + "/owners": owners}
    for k, v in extra.items():
        e[I + "/" + k] = v
    return {"description": desc, "input": text, "expect": e}

cases = [
    o("the nominee is a mention, the trailing handle the owner (dragonfly 2025-08-26)", "- Member Nomination for @Zephyrcf. @BraveY", ["BraveY"], mentions=["Zephyrcf", "BraveY"]),
    o("owner first in a task (electron)", "- [ ] @VerteDinde to update the docs", ["VerteDinde"]),
    o("owner first after `[]` (electron 2020-05-06)", "- [] @VerteDinde to request vote", ["VerteDinde"]),
    o("owner in parentheses at the end (electron)", "- [ ] Update the docs (@tonyganch)", ["tonyganch"]),
    o("two owners at the start joined by `or`", "- @erickzhao or @felixrieseberg: look into it", ["erickzhao", "felixrieseberg"]),
    o("owner prefix with a colon", "- @erickzhao: Email Appzi", ["erickzhao"]),
    o("double space between owners", "- fix it @imeoer  @BraveY", ["imeoer", "BraveY"]),
    o("trailing tag after the owner", "- <https://github.com/dragonflyoss/dragonfly/issues/1> @chlins [pending]", ["chlins"], tags=["pending"]),
    o("trailing [closed] tag", "- https://github.com/dragonflyoss/dragonfly/issues/2 @gaius-qi [closed]", ["gaius-qi"], tags=["closed"]),
    o("trailing # comment after the owner (dragonfly 2026-01-13)", "- <https://github.com/dragonflyoss/nydus/issues/1818> @fatelei # This issues is out of date, so need generate new pull request after discussion", ["fatelei"]),
    o("a handle in the middle is not an owner", "- ask @x about it", [], mentions=["x"]),
    o("owners separated by commas", "- Review docs @a, @b", ["a", "b"]),
    o("owners joined by `and`", "- Review docs @a and @b", ["a", "b"]),
    o("@all owns", "- Organize topics for KubeCon @all", ["all"]),
    o("a team at the end is not an owner login", "- review @rust-lang/lang", [], teams=["rust-lang/lang"]),
    o("bold owner at the end", "- publish the release **@codebytere**", ["codebytere"]),
    o("text after the handle ends the run", "- Graduation proposal by @mingcheng, see #12", []),
    o("repository issue list with owners (dragonfly 2025-09-23)", "- <https://github.com/dragonflyoss/nydus/issues> @imeoer @BraveY", ["imeoer", "BraveY"]),
    o("a handle that starts a report does not own the item (nodejs io.js)", "- @mikeal created a community group", [], mentions=["mikeal"]),
    o("a handle followed by `will` owns the item (electron)", "- @erickzhao will give this a look.", ["erickzhao"]),
    o("a handle followed by `to` owns the item (electron)", "- **@codebytere** to PR retro into `wg-releases`", ["codebytere"]),
    o("a leading handle on a task owns it", "- [ ] @sofianguy test macOS", ["sofianguy"]),
    o("a lone handle owns", "- @a", ["a"]),
    o("name and handle in parentheses", "- Zhou Xu(@fcgxz2003)", ["fcgxz2003"]),
    o("handle in code is not an owner", "- `@x` done @y", ["y"], mentions=["y"]),
    o("Host by @login", "- Host by @CooooolFrog", ["CooooolFrog"]),
    o("owners at start and end together", "- @a to review, then ping @b", ["a", "b"]),
    o("same owner twice is listed once, first spelling kept", "- @a to fix it, thanks @A", ["a"]),
    o("owners with trailing TODO word are not owners", "- <https://github.com/dragonflyoss/dragonfly/issues/4025> TODO", []),
    o("two owners in parentheses", "- write the blog post (@a, @b)", ["a", "b"]),
    o("handle link owner at the end", "- Host by @[CooooolFrog](https://github.com/CooooolFrog)", ["CooooolFrog"]),
    {"description": "sub-tasks have their own owners (dragonfly 2025-09-23)",
     "input": "- [ ] Prepare the release @a\n  - [ ] write notes @b\n",
     "expect": {"/items/0/owners": ["a"], "/items/0/children/0/owners": ["b"]}},
    {"description": "owner in a heading-grouped bucket",
     "input": "### TODO\n\n#### Dragonfly\n\n- <https://github.com/dragonflyoss/dragonfly/issues/4345> @gaius-qi\n",
     "expect": {"/sections/0/sections/0/items/0/owners": ["gaius-qi"], "/sections/0/sections/0/status": "todo"}},
    o("a handle before a comma-separated clause is not a leading owner run without a handle first", "- TODO: @a to review", []),
]
