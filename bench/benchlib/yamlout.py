"""A small block-style YAML writer for the generated manifests (stdlib has none).

Strings are plain when they cannot be misread, else JSON strings (valid YAML double-quoted
scalars), so "yes", "1.10" or "0755" stay strings. Multi-line strings use a literal block.
"""
import json
import re

_PLAIN_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
# A string written without quotes must start with a letter and not read as a YAML 1.1 boolean or null.
_PLAIN_VALUE = re.compile(r"^[A-Za-z][A-Za-z0-9._/-]*$")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def _key(k):
    return k if _PLAIN_KEY.match(k) else json.dumps(k)


def _scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if v is None:
        return "null"
    if _PLAIN_VALUE.match(v) and v.lower() not in _RESERVED:
        return v
    return json.dumps(v)


def _lines(value, indent):
    pad = " " * indent
    out = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict) and v:
                out.append(f"{pad}{_key(k)}:")
                out.extend(_lines(v, indent + 2))
            elif isinstance(v, list) and v:
                out.append(f"{pad}{_key(k)}:")
                out.extend(_lines(v, indent))
            elif isinstance(v, dict):
                out.append(f"{pad}{_key(k)}: {{}}")
            elif isinstance(v, list):
                out.append(f"{pad}{_key(k)}: []")
            elif isinstance(v, str) and "\n" in v:
                out.append(f"{pad}{_key(k)}: |")
                out.extend(f"{pad}  {line}" for line in v.rstrip("\n").split("\n"))
            else:
                out.append(f"{pad}{_key(k)}: {_scalar(v)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)) and item:
                inner = _lines(item, indent + 2)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out.extend(inner[1:])
            else:
                out.append(f"{pad}- {_scalar(item)}")
    else:
        out.append(pad + _scalar(value))
    return out


def dump(doc):
    """One YAML document (no leading '---'), ending with a newline."""
    return "\n".join(_lines(doc, 0)) + "\n"
