"""Writes tests/conformance/*.json from the case tables beside this script.
Run from the crate root: python3 tests/conformance-src/build.py"""
import json, pathlib, runpy
here = pathlib.Path(__file__).parent
out = here.parent / "conformance"
for name in ["handles", "owners", "references", "tasks", "dates"]:
    cases = runpy.run_path(str(here / f"{name}.py"))["cases"]
    (out / f"{name}.json").write_text(json.dumps(cases, indent=2, ensure_ascii=False) + "\n")
    print(name, len(cases))
