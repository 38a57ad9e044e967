#!/usr/bin/python3
"""Fills translations/caseatlas_en.ts with the English singular and plural of every "%n …" text
(Qt takes English plurals from a translation: "%n event(s)" → "1 event", "2 events"). Run it
after `cmake --build … --target update_translations`; texts without %n are dropped from the file
(the source is shown)."""
import html
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TS = os.path.join(ROOT, "translations", "caseatlas_en.ts")

# Verbs that follow the counted noun and agree with it: plural form → singular form.
AGREEING = {"stay": "stays", "match their": "matches its", "are": "is", "were": "was"}


def forms(source):
    """(singular, plural) of an English source with "(s)" plurals."""
    plural = source.replace("(s)", "s")
    # A verb agrees with the counted noun when it is in the same clause (no punctuation between).
    verbs = "|".join(re.escape(v) for v in AGREEING)
    singular = re.sub(r"\(s\)([^,:;().]*?)\b(" + verbs + r")\b",
                      lambda m: m.group(1) + AGREEING[m.group(2)], source)
    return singular.replace("(s)", ""), plural


def main():
    with open(TS, encoding="utf-8") as f:
        text = f.read()

    def fill(m):
        source = html.unescape(m.group(1))
        singular, plural = forms(source)
        return (f'<message numerus="yes">\n        <source>{m.group(1)}</source>\n'
                f'        <translation>\n'
                f'            <numerusform>{html.escape(singular, quote=False)}</numerusform>\n'
                f'            <numerusform>{html.escape(plural, quote=False)}</numerusform>\n'
                f'        </translation>')

    text, count = re.subn(
        r'<message numerus="yes">\s*<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>',
        fill, text, flags=re.S)
    # Only the plurals are kept: every other English text is its own source (lupdate adds them
    # back on each update; this drops them again).
    text = re.sub(r'\s*<message>\s*<source>.*?</message>', "", text, flags=re.S)
    text = re.sub(r'\s*<context>\s*<name>[^<]*</name>\s*</context>', "", text)
    with open(TS, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{TS}: {count} plural texts")


if __name__ == "__main__":
    main()
