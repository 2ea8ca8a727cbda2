#!/usr/bin/env python3
"""Writes a synthetic site of N briefs in the briefpress format, deterministic for a seed.

Usage: Scripts/generate-corpus.py OUT_DIR N [--seed 1]

Each brief is about 8 KB like the example: 3-4 recommendations with quotes, 2-3 background
sections (one with a table), research, footnotes, references; 80 % German and 20 % English;
links to other briefs (`other.md`, `../other/#recommendations`) and to external URLs; valid
ORCIDs (MOD 11-2) and Rogue Scholar style DOIs (Crockford base32 with checksum).
"""
import argparse
import pathlib
import random

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
WORDS_DE = ("Integration Verwaltung Ehrenamt Kommune Netzwerk Ankommen Wohnung Arbeit Sprache Schule Beratung "
            "Förderung Teilhabe Nachbarschaft Region Landkreis Stadtteil Vielfalt Zusammenarbeit Strukturen "
            "Ressourcen Engagement Angebote Bedarf Planung Zugang Verantwortung Austausch Vertrauen").split()
FILL_DE = "und die der in mit für von auf sind werden kann oft vor Ort besonders gerade auch nicht nur sondern".split()
WORDS_EN = ("integration administration volunteering municipality network arrival housing work language school "
            "advice funding participation neighbourhood region district diversity cooperation structures "
            "resources engagement services needs planning access responsibility exchange trust").split()
FILL_EN = "and the of in with for on are is can often locally especially also not only but".split()


def orcid(rng):
    digits = [rng.randrange(10) for _ in range(11)]
    base = [0, 0, 0, 0] + digits  # 0000-xxxx-xxxx-xxx
    base[4] = 0
    base[5] = 0
    base[6] = 0
    base[7] = 2  # 0000-0002-…: inside the block ORCID issues (0000-0001-5… to 0000-0003-5…)
    total = 0
    for d in base:
        total = (total + d) * 2
    result = (12 - total % 11) % 11
    check = "X" if result == 10 else str(result)
    text = "".join(map(str, base)) + check
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def rogue_doi(rng, prefix="10.59350"):
    number = rng.randrange(1, 32 ** 8)
    checksum = 98 - (100 * number) % 97
    body = ""
    n = number
    while n:
        body = ALPHABET[n % 32] + body
        n //= 32
    body = body.rjust(8, "0") + "%02d" % checksum
    return f"{prefix}/{body[:5]}-{body[5:]}"


def sentence(rng, words, fill, length):
    chosen = [rng.choice(words if i % 3 == 0 else fill) for i in range(length)]
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, words, fill, sentences=5):
    return " ".join(sentence(rng, words, fill, rng.randrange(9, 18)) for _ in range(sentences))


def brief(rng, index, slugs, german):
    words, fill = (WORDS_DE, FILL_DE) if german else (WORDS_EN, FILL_EN)
    other = slugs[rng.randrange(len(slugs))]
    title = " ".join(rng.choice(words).capitalize() for _ in range(2)) + f" {index}"
    lines = ["---", f"title: {title}", f"subtitle: {sentence(rng, words, fill, 8)[:-1]}", f"lang: {'de' if german else 'en'}",
             f"number: {index}", f"date: {2015 + index % 10}-{1 + index % 12:02d}-{1 + index % 28:02d}",
             f"doi: {rogue_doi(rng)}", "authors:"]
    for _ in range(rng.randrange(1, 4)):
        lines += [f"  - name: {rng.choice(['Anna', 'Jan', 'Lea', 'Tom', 'Mia'])} {rng.choice(['Müller', 'Schmidt', 'Kaya', 'Nowak'])}",
                  f"    orcid: {orcid(rng)}", "    affiliations: [tuc]"]
    lines.append("keywords: [" + ", ".join(rng.sample(words, 4)) + "]")
    lines.append("recommendations:")
    for r in range(rng.randrange(3, 5)):
        lines += [f"  - title: {sentence(rng, words, fill, 4)[:-1]}", "    text: |",
                  "      " + paragraph(rng, words, fill, 7) + (f"[^r{r}]" if r == 0 else ""),
                  "", f"      [^r{r}]: " + sentence(rng, words, fill, 8) if r == 0 else "",
                  "    quotes:"]
        for _ in range(2):
            lines += [f"      - text: {sentence(rng, words, fill, 12)}", f"        source: {rng.choice(words).capitalize()}, Ort {rng.randrange(99)}"]
    lines.append("background:")
    for b in range(rng.randrange(2, 4)):
        lines += [f"  - title: {sentence(rng, words, fill, 3)[:-1]}", "    text: |", "      " + paragraph(rng, words, fill, 8)]
        if b == 0:
            lines += ["", "      | Jahr | Anteil |", "      |-----:|-------:|",
                      f"      | 2020 | {rng.randrange(5, 40)} % |", f"      | 2030 | {rng.randrange(5, 40)} % |"]
    lines += ["research: |", "  " + paragraph(rng, words, fill, 3)
              + f" Mehr unter [der Website](https://example.org/projekt/{index}) und [verwandt]({other}.md).",
              "references:", f'  - "Muster, A. ({2010 + index % 14}). *{title}*. Verlag. https://doi.org/{rogue_doi(rng)}"',
              "---", paragraph(rng, words, fill, 4) + f" Siehe auch [die Empfehlungen](../{other}/#recommendations).", ""]
    return "\n".join(line for line in lines if line is not None)


SITE_YAML = """title: Forschung Migration
baseURL: https://forschung-migration.example.org/
lang: de
series: Handlungsimpulse
license: CC-BY-4.0
doiPrefix: 10.59350
affiliations:
  - id: tuc
    name: Technische Universität Chemnitz
    ror: https://ror.org/00a208s56
imprint:
  publisher: Technische Universität Chemnitz
  place: Chemnitz
  contact: https://mytuc.org/ysmj
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    root = pathlib.Path(arguments.out)
    briefs = root / "content" / "briefs"
    briefs.mkdir(parents=True, exist_ok=True)
    (root / "content" / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    slugs = [f"brief-{i:05d}" for i in range(1, arguments.count + 1)]
    for index, slug in enumerate(slugs, start=1):
        german = rng.random() < 0.8
        (briefs / f"{slug}.md").write_text(brief(rng, index, slugs, german), encoding="utf-8")


if __name__ == "__main__":
    main()
