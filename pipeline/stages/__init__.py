"""The stages, keyed by their short `type` name in YAML. Adding a stage = one class + one line here."""

from __future__ import annotations

from pipeline.stage import Stage
from pipeline.stages.quotes import Quotes
from pipeline.stages.read import Read
from pipeline.stages.segment import Segmenter
from pipeline.stages.summarize import Summarize
from pipeline.stages.translate import Translate
from pipeline.stages.write import Write

STAGES: dict[str, type[Stage]] = {
    stage.name: stage for stage in (Read, Segmenter, Quotes, Translate, Summarize, Write)
}
