#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/scenario/ and fuzz/corpus/input/.

Seeds are the shipped scenarios and test input files as they are now, plus small hand-made
valid and broken cases. Run from anywhere: python3 fuzz/make_seeds.py. Existing seed files are
overwritten; files libFuzzer added to the corpus are left alone.
"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
scenario_dir = root / "fuzz" / "corpus" / "scenario"
input_dir = root / "fuzz" / "corpus" / "input"


def write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / name).write_bytes(data)


def dump(value):
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


# --- scenarios -----------------------------------------------------------------------------

for path in sorted((root / "scenarios").glob("*/scenario.json")):
    write(scenario_dir, "shipped-" + path.parent.name + ".json", path.read_bytes())

minimal = {
    "format": "haven-scenario",
    "version": 1,
    "id": "hello",
    "title": "Hello",
    "start": "meet",
    "nodes": [
        {"id": "meet", "type": "scene", "text": "A person waits in the arrivals hall.",
         "choices": [{"text": "Introduce yourself and your role.", "goto": "end"}]},
        {"id": "end", "type": "ending", "text": "They thank you.", "outcome": "protected"},
    ],
}
write(scenario_dir, "minimal.json", dump(minimal))

# Every field of the format, a script from fuzz/scenario-folder, Lua in every place it may be.
full = {
    "format": "haven-scenario",
    "version": 1,
    "id": "everything",
    "title": "Every field",
    "summary": "Uses every field once.",
    "language": "en",
    "audience": ["police"],
    "estimated_minutes": 5,
    "content_notes": ["none"],
    "pass_mark": 0.5,
    "start": "meet",
    "competencies": [{"id": "rapport", "name": "Rapport", "description": "d"},
                     {"id": "indicators", "name": "Indicators"}],
    "indicators": [{"id": "docs", "text": "Documents held", "category": "Coercion", "source": "ILO"},
                   {"id": "debt", "text": "Debt", "category": "Coercion"}],
    "characters": [{"id": "mai", "name": "Mai", "role": "Passenger",
                    "portraits": {"calm": "assets/mai-calm.png"}}],
    "variables": {"trust": 0, "asked": False, "name": "Mai", "ratio": 0.5},
    "script": "script.lua",
    "nodes": [
        {"id": "meet", "type": "scene", "speaker": "mai", "mood": "calm",
         "text": "Hello {name}, trust {trust} {{literal}}", "on_enter": "trust = clamp(trust, 0, 3)",
         "reveals": ["docs"],
         "choices": [
             {"id": "ask", "text": "Ask ({trust})", "goto": "tick", "condition": "not asked",
              "effect": "asked = true; trust = trust + 1", "scores": {"rapport": 2}, "feedback": "Good.",
              "reveals": ["debt"], "reference": "WHO"},
             {"id": "push", "text": "Push", "goto": "decide", "condition": "trust >= 0 and said(trust) ~= ''",
              "scores": {"rapport": -1}, "feedback": "Bad."}]},
        {"id": "tick", "type": "checklist", "prompt": "Which?", "goto": "decide", "items": ["docs", "debt"],
         "expected": ["docs"], "competency": "indicators"},
        {"id": "decide", "type": "decision", "prompt": "Refer?", "multiple": True, "goto": "end",
         "options": [{"id": "yes", "text": "Refer", "correct": True, "goto": "end", "scores": {"rapport": 1},
                      "feedback": "Right.", "reference": "NRM"},
                     {"id": "no", "text": "Do not", "feedback": "Wrong."}]},
        {"id": "end", "type": "ending", "text": "Bye {name}.", "outcome": "protected", "feedback": "Why."},
    ],
}
write(scenario_dir, "every-field.json", dump(full))

# A loop that only a bounded player leaves: conditions and effects run at every visit.
loop = json.loads(json.dumps(minimal))
loop["variables"] = {"n": 0}
loop["nodes"][0]["choices"] = [
    {"text": "Again {n}", "goto": "meet", "effect": "n = n + 1", "condition": "n < 100"},
    {"text": "Leave", "goto": "end"}]
write(scenario_dir, "loop.json", dump(loop))

v0 = json.loads(json.dumps(full))
v0["version"] = 0
del v0["script"]
for node in v0["nodes"]:
    for holder in [node] + node.get("choices", []) + node.get("options", []):
        if "goto" in holder:
            holder["next"] = holder.pop("goto")
write(scenario_dir, "version0-next.json", dump(v0))

v2 = dict(minimal, version=2)
write(scenario_dir, "version2.json", dump(v2))
write(scenario_dir, "version-negative.json", dump(dict(minimal, version=-1)))
write(scenario_dir, "version-string.json", dump(dict(minimal, version="1")))
write(scenario_dir, "version-fraction.json", dump(dict(minimal, version=1.5)))
write(scenario_dir, "format-wrong.json", dump(dict(minimal, format="haven")))

no_required = {"format": "haven-scenario", "version": 1, "nodes": [{"type": "scene", "choices": [{}]},
                                                                    {"type": "decision"}, {"type": "checklist"}]}
write(scenario_dir, "missing-required.json", dump(no_required))
write(scenario_dir, "missing-format-version.json", dump({"id": "x", "title": "x", "start": "a", "nodes": []}))

wrong_types = dict(minimal, id=5, title=["x"], audience="police", estimated_minutes=2.5, pass_mark="high",
                   competencies={}, variables={"a": [1], "b": None}, nodes=[
                       {"id": "meet", "type": "scene", "choices": "none", "reveals": [1]},
                       {"id": 3, "type": "ending"}, "node", None,
                       {"id": "d", "type": "decision", "multiple": "yes", "options": [{"id": "o", "text": 1,
                                                                                        "scores": {"x": 1.5}}]},
                       {"id": "t", "type": "teleport"}])
write(scenario_dir, "wrong-types.json", dump(wrong_types))

write(scenario_dir, "unknown-fields.json", dump(dict(minimal, spaeker="x", nodes=[
    dict(minimal["nodes"][0], spaeker="mai", prompt="not for scenes"), minimal["nodes"][1]])))
write(scenario_dir, "broken-links.json", dump(dict(minimal, start="meat", nodes=[
    dict(minimal["nodes"][0], choices=[{"text": "t", "goto": "ned"}]), minimal["nodes"][1],
    dict(minimal["nodes"][1], id="end")])))
write(scenario_dir, "lua-errors.json", dump(dict(minimal, nodes=[
    dict(minimal["nodes"][0], on_enter="error('boom')", choices=[
        {"text": "t", "goto": "end", "condition": "while true do end", "effect": "x = = 1"},
        {"text": "u", "goto": "end", "condition": "string.rep('x', 1 << 40)"}]),
    minimal["nodes"][1]])))
write(scenario_dir, "lua-slow.json", dump(dict(minimal, nodes=[
    dict(minimal["nodes"][0], on_enter="local i = 0 while true do i = i + 1 end",
         choices=[{"text": "t", "goto": "end", "condition": "(function() while true do end end)()"}]),
    minimal["nodes"][1]])))
write(scenario_dir, "asset-escape.json", dump(dict(full, characters=[
    {"id": "mai", "name": "Mai", "portraits": {"calm": "../../etc/passwd", "sad": "/etc/passwd"}}],
    script="../script.lua")))

text = dump(full)
write(scenario_dir, "truncated.json", text[: len(text) // 2])
write(scenario_dir, "empty.json", b"")
write(scenario_dir, "top-level-array.json", b"[1, 2, 3]\n")
write(scenario_dir, "top-level-string.json", b"\"haven-scenario\"\n")
write(scenario_dir, "deep-64.json", "[" * 64 + "]" * 64)
write(scenario_dir, "deep-65.json", "[" * 65 + "]" * 65)
write(scenario_dir, "deep-object.json", '{"a":' * 70 + "1" + "}" * 70)
write(scenario_dir, "deep-in-variables.json",
      dump(minimal)[:-2] + ', "variables": {"x": ' + "[" * 80 + "]" * 80 + "}}\n")
write(scenario_dir, "huge-exponent.json", dump(minimal).replace('"version": 1', '"version": 1e999999'))
write(scenario_dir, "huge-variable.json", dump(dict(minimal, variables={"big": 1e308})).replace("1e+308", "9e308"))
write(scenario_dir, "fifty-digits.json", dump(minimal).replace(
    '"version": 1', '"version": 12345678901234567890123456789012345678901234567890'))
write(scenario_dir, "fifty-digit-variable.json", dump(dict(minimal, variables={"n": 0})).replace(
    '"n": 0', '"n": 12345678901234567890123456789012345678901234567890'))
write(scenario_dir, "numbers-variety.json", dump(minimal)[:-2] + ', "variables": {"a": -0, "b": -0.0, '
      '"c": 9223372036854775807, "d": 9223372036854775808, "e": -9223372036854775809, "f": 1e-400, '
      '"g": 0.1, "h": 1E2, "i": 18446744073709551615}, "pass_mark": 1e-7, "estimated_minutes": 2147483648}\n')
write(scenario_dir, "scores-extreme.json", dump(dict(full, script="", nodes=[
    dict(full["nodes"][0], choices=[dict(full["nodes"][0]["choices"][0], scores={"rapport": 2147483647},
                                         condition="", goto="meet"),
                                    dict(full["nodes"][0]["choices"][1], scores={"rapport": -2147483648})])]
    + full["nodes"][1:])))
utf8 = dump(minimal).encode("utf-8")
write(scenario_dir, "invalid-utf8.json", utf8.replace(b"Hello", b"H\xc3\x28llo"))
write(scenario_dir, "invalid-utf8-overlong.json", utf8.replace(b"Hello", b"\xc0\xafHello"))
write(scenario_dir, "lone-surrogate.json", utf8.replace(b"Hello", b"\\ud800Hello"))
write(scenario_dir, "utf8-text.json", dump(dict(minimal, title="Ankunft – 到着 🛬")))
write(scenario_dir, "nul-after.json", utf8 + b"\x00{}")
write(scenario_dir, "nul-inside.json", utf8.replace(b"Hello", b"Hel\x00lo"))
write(scenario_dir, "nul-escaped.json", dump(dict(minimal, title="a\u0000b", id="x\u0000",
                                                  variables={"v\u0000w": 1, "v\u0000x": 2})))
write(scenario_dir, "bom.json", b"\xef\xbb\xbf" + utf8)
write(scenario_dir, "duplicate-keys.json", utf8.replace(b'"id": "hello",', b'"id": "hello", "id": 7,'))
write(scenario_dir, "duplicate-ids.json", dump(dict(minimal, nodes=minimal["nodes"] + minimal["nodes"])))
write(scenario_dir, "braces.json", dump(dict(minimal, nodes=[
    dict(minimal["nodes"][0], text="{ {x} {{ }} {_a1} {1} {"), minimal["nodes"][1]])))

# --- input files ---------------------------------------------------------------------------

for path in sorted((root / "tests" / "scenarios").glob("*/*.input.json")):
    write(input_dir, "shipped-" + path.parent.name + "-" + path.name, path.read_bytes())

write(input_dir, "all-kinds.json", b'[{"choose": 2}, {"choose": "ask"}, {"checklist": ["a", "b"]}, '
                                   b'{"decide": ["x"]}, {"checklist": []}]\n')
write(input_dir, "loop.json", json.dumps([{"choose": "ask"}, {"checklist": ["a"]}, {"choose": "wait"},
                                          {"decide": ["x", "y", "x"]}, {"choose": 3}] * 4))
write(input_dir, "empty-array.json", b"[]")
write(input_dir, "empty.json", b"")
write(input_dir, "not-array.json", b'{"choose": 1}')
write(input_dir, "bad-items.json", b'[{"choose": 0}, {"choose": -1}, {"choose": ""}, {"choose": 1.5}, '
                                   b'{"choose": 1, "decide": []}, {}, 5, "x", null, {"checklist": [1]}, '
                                   b'{"decide": "x"}, {"jump": "end"}, {"choose": 99999999999}]')
write(input_dir, "nul-id.json", b'[{"choose": "\\u0000ask"}, {"choose": "a\\u0000"}, {"checklist": ["a\\u0000b"]}, '
                                b'{"choose\\u0000": 1}]')
write(input_dir, "nul-byte.json", b'[{"choose": 1}]\x00[')
write(input_dir, "huge-numbers.json", b'[{"choose": 1e999999}, {"choose": 12345678901234567890123456789012345678901234567890}]')
write(input_dir, "deep.json", b"[" * 70 + b"]" * 70)
write(input_dir, "invalid-utf8.json", b'[{"choose": "\xff\xfe"}]')
write(input_dir, "truncated.json", b'[{"choose": "ask"}, {"checkl')
write(input_dir, "choices-list.txt", b"2,ask-open,3")
write(input_dir, "choices-list-bad.txt", b"1,,0,123456")
