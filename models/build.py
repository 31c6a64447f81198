"""Random-weight encoder-decoder models with real tokenizers, for tests and benchmarks.

`build_marian` and `build_bart` train a real tokenizer on a few KB of French and English text, build
a model of the requested shape with seeded random weights and save both with `save_pretrained`, so
that the folder loads through the same `from_pretrained` path as a downloaded model (and converts
with CTranslate2's converter). Outputs are gibberish: use these models to test structure and speed,
never quality. Weights are drawn with a large `init_std` so that outputs differ from input to input
(tests can then see a mix-up of order); a random model may end an output at once, or never (pass
`force_length=True` to `generate` where a benchmark needs fixed output lengths).

Published shapes, for benchmarks:
- opus-mt-fr-en: `build_marian(folder, **MARIAN_OPUS_MT_SHAPE)`
- distilbart-cnn-12-6: `build_bart(folder, **DISTILBART_CNN_12_6_SHAPE)`
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

#: Shape of Helsinki-NLP/opus-mt-fr-en.
MARIAN_OPUS_MT_SHAPE: dict[str, int] = {
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "heads": 8,
    "ffn_dim": 2048,
    "vocab_size": 59514,
    "max_position_embeddings": 512,
}

#: Shape of sshleifer/distilbart-cnn-12-6.
DISTILBART_CNN_12_6_SHAPE: dict[str, int] = {
    "d_model": 1024,
    "encoder_layers": 12,
    "decoder_layers": 6,
    "heads": 16,
    "ffn_dim": 4096,
    "vocab_size": 50264,
    "max_position_embeddings": 1024,
}

# A few KB of French and English press-style prose: enough for a tokenizer to learn real subwords.
CORPUS_FR = """\
Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites, qui doit être \
examiné par l'Assemblée nationale à la fin du mois. « Nous avons écouté les syndicats », a déclaré la \
Première ministre lors d'une conférence de presse à Matignon. Les organisations syndicales appellent \
à une nouvelle journée de grève et de manifestations jeudi prochain dans toute la France.
Selon l'Insee, l'inflation a atteint 5,2 % sur un an en janvier, portée par la hausse des prix de \
l'énergie et de l'alimentation. Les ménages les plus modestes sont les premiers touchés.
À Marseille, le maire a inauguré samedi une nouvelle ligne de tramway reliant le centre-ville aux \
quartiers nord. « C'est une promesse tenue », a-t-il affirmé devant plusieurs centaines d'habitants.
Le président de la République se rendra la semaine prochaine en Allemagne pour une visite d'État de \
trois jours, la première depuis plus de vingt ans. Il rencontrera le chancelier à Berlin.
Les pompiers ont maîtrisé dans la nuit de dimanche à lundi un important incendie qui a ravagé près de \
mille hectares de forêt dans le Var. Aucune victime n'est à déplorer, selon la préfecture.
L'équipe de France de rugby s'est imposée face à l'Irlande au Stade de France, devant quatre-vingt \
mille spectateurs. L'entraîneur s'est dit « très fier » de ses joueurs après le match.
La Banque centrale européenne a relevé ses taux directeurs d'un demi-point, une décision attendue \
par les marchés financiers. Les économistes prévoient un ralentissement de la croissance cette année.
Le tribunal correctionnel de Paris a condamné l'ancien ministre à deux ans de prison avec sursis pour \
détournement de fonds publics. Son avocat a annoncé qu'il allait faire appel de ce jugement.
Des chercheurs de l'université de Lyon ont découvert une nouvelle espèce de dinosaure dans le sud de \
la France. Les fossiles, vieux de soixante-dix millions d'années, seront exposés au musée.
Le Sénat a adopté mardi soir, par 210 voix contre 115, le texte sur l'immigration. Les députés de \
l'opposition dénoncent « un recul historique » et annoncent un recours devant le Conseil \
constitutionnel. Le ministre de l'Intérieur a salué « un texte d'équilibre ».
La SNCF prévoit un trafic très perturbé ce week-end en raison d'un mouvement social des contrôleurs. \
Les voyageurs sont invités à reporter leurs déplacements ou à consulter les horaires en ligne.
Météo-France a placé douze départements en vigilance orange pour des orages violents. Des rafales de \
vent jusqu'à cent kilomètres par heure sont attendues sur la façade atlantique.
"""

CORPUS_EN = """\
The government on Wednesday presented a bill to reform pensions, which is due to be examined by the \
National Assembly at the end of the month. "We have listened to the unions," the Prime Minister said \
at a press conference. Trade unions are calling for a new day of strikes and demonstrations next \
Thursday across France.
According to the national statistics office, inflation reached 5.2% year on year in January, driven \
by rising energy and food prices. The poorest households are the first to be affected.
In Marseille, the mayor on Saturday opened a new tram line linking the city centre with the northern \
districts. "This is a promise kept," he said in front of several hundred residents.
The President of the Republic will travel to Germany next week for a three-day state visit, the first \
in more than twenty years. He will meet the chancellor in Berlin.
Firefighters brought under control overnight a large fire that destroyed nearly a thousand hectares \
of forest in the Var. No one was hurt, according to the prefecture.
The French rugby team beat Ireland at the Stade de France in front of eighty thousand spectators. The \
coach said he was "very proud" of his players after the match.
The European Central Bank raised its key interest rates by half a point, a decision expected by the \
financial markets. Economists forecast slower growth this year.
The Paris criminal court sentenced the former minister to a two-year suspended prison term for \
embezzlement of public funds. His lawyer said he would appeal the ruling.
Researchers at the University of Lyon have discovered a new species of dinosaur in southern France. \
The fossils, seventy million years old, will be exhibited at the museum.
The Senate on Tuesday evening adopted the immigration bill by 210 votes to 115. Opposition members \
denounced "a historic step backwards" and announced an appeal to the Constitutional Council.
"""

#: Weight init std. Far above the library's 0.02, so that a random model's output depends on its
#: input (with 0.02 every input gives the same output, and tests could not see a mix-up).
DEFAULT_INIT_STD = 0.5

DEFAULT_CORPUS: list[str] = [line for line in (CORPUS_FR + CORPUS_EN).splitlines() if line.strip()]


# Keys of the published bart/distilbart config.json that BartConfig no longer declares but
# CTranslate2's converter reads (it fails without normalize_before).
_PUBLISHED_BART_KEYS: dict[str, Any] = {
    "forced_bos_token_id": 0,
    "normalize_before": False,
    "normalize_embedding": True,
    "add_final_layer_norm": False,
    "static_position_embeddings": False,
}


def _seed(seed: int) -> None:
    import torch

    torch.manual_seed(seed)


def _save_model(model: Any, folder: Path) -> None:
    model.eval()
    model.save_pretrained(folder)


def build_marian(
    folder: str | Path,
    *,
    d_model: int = 32,
    encoder_layers: int = 2,
    decoder_layers: int = 2,
    heads: int = 2,
    ffn_dim: int = 64,
    vocab_size: int = 600,
    max_position_embeddings: int = 512,
    corpus: list[str] | None = None,
    seed: int = 0,
    init_std: float = DEFAULT_INIT_STD,
) -> Path:
    """Save a random-weight MarianMT model with a real sentencepiece tokenizer into `folder`.

    The vocabulary follows opus-mt: `</s>` = 0, `<unk>` = 1, the sentencepiece pieces, filler tokens
    up to `vocab_size`, and `<pad>` as the last id (also the decoder start token).
    """
    import sentencepiece as spm
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lines = corpus if corpus is not None else DEFAULT_CORPUS
    if vocab_size < 16:
        raise ValueError(f"vocab_size must be at least 16, got {vocab_size}")

    # Train one unigram model used for both sides (opus-mt ships two, trained the same way).
    model_bytes = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model_bytes,
        model_type="unigram",
        vocab_size=max(8, min(vocab_size - 2, 8000)),
        hard_vocab_limit=False,
        character_coverage=1.0,
        num_threads=1,
        seed_sentencepiece_size=100_000,
        unk_id=0,
        bos_id=-1,
        eos_id=1,
        pad_id=-1,
        minloglevel=2,
    )
    for name in ("source.spm", "target.spm"):
        (folder / name).write_bytes(model_bytes.getvalue())

    processor = spm.SentencePieceProcessor(model_proto=model_bytes.getvalue())
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for piece_id in range(processor.get_piece_size()):
        piece = processor.id_to_piece(piece_id)
        if piece in vocab or processor.is_control(piece_id) or processor.is_unknown(piece_id):
            continue
        if len(vocab) >= vocab_size - 1:
            break
        vocab[piece] = len(vocab)
    # Filler words give the embedding its requested (e.g. published) shape; no input text maps to
    # them (they are not sentencepiece pieces), but a random model may emit them, as words.
    filler = 0
    while len(vocab) < vocab_size - 1:
        vocab[f"▁zz{filler}"] = len(vocab)
        filler += 1
    pad_id = len(vocab)
    vocab["<pad>"] = pad_id
    vocab_path = folder / "vocab.json"
    vocab_path.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")

    tokenizer = MarianTokenizer(
        source_spm=str(folder / "source.spm"),
        target_spm=str(folder / "target.spm"),
        vocab=str(vocab_path),
        source_lang="fr",
        target_lang="en",
        model_max_length=max_position_embeddings,
    )
    tokenizer.save_pretrained(folder)

    config = MarianConfig(
        vocab_size=vocab_size,
        d_model=d_model,
        encoder_layers=encoder_layers,
        decoder_layers=decoder_layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn_dim,
        decoder_ffn_dim=ffn_dim,
        max_position_embeddings=max_position_embeddings,
        pad_token_id=pad_id,
        eos_token_id=0,
        forced_eos_token_id=0,
        decoder_start_token_id=pad_id,
        decoder_vocab_size=vocab_size,
        share_encoder_decoder_embeddings=True,
        scale_embedding=True,
        activation_function="swish",
        init_std=init_std,
        architectures=["MarianMTModel"],
    )
    _seed(seed)
    model = MarianMTModel(config)
    # As in opus-mt: never generate <pad> (it only starts the decoder).
    model.generation_config = GenerationConfig(
        bad_words_ids=[[pad_id]],
        decoder_start_token_id=pad_id,
        eos_token_id=0,
        forced_eos_token_id=0,
        pad_token_id=pad_id,
        max_length=max_position_embeddings,
        num_beams=4,
    )
    _save_model(model, folder)
    return folder


def build_bart(
    folder: str | Path,
    *,
    d_model: int = 32,
    encoder_layers: int = 2,
    decoder_layers: int = 2,
    heads: int = 2,
    ffn_dim: int = 64,
    vocab_size: int = 800,
    max_position_embeddings: int = 128,
    corpus: list[str] | None = None,
    seed: int = 0,
    init_std: float = DEFAULT_INIT_STD,
) -> Path:
    """Save a random-weight BART summarizer with a real byte-level BPE tokenizer into `folder`.

    The vocabulary follows bart-large: `<s>` = 0, `<pad>` = 1, `</s>` = 2, `<unk>` = 3, the learned
    tokens, filler tokens up to `vocab_size`, and `<mask>` as the last id.
    """
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer, GenerationConfig

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lines = corpus if corpus is not None else DEFAULT_CORPUS
    specials = ["<s>", "<pad>", "</s>", "<unk>"]
    # 256 byte tokens + specials + <mask> is the smallest byte-level vocabulary.
    if vocab_size < 256 + len(specials) + 1:
        raise ValueError(f"vocab_size must be at least {256 + len(specials) + 1}, got {vocab_size}")

    trainer = ByteLevelBPETokenizer(add_prefix_space=False)
    trainer.train_from_iterator(
        lines,
        vocab_size=min(vocab_size - 1, 8000),
        min_frequency=2,
        special_tokens=specials,
        show_progress=False,
    )
    trained = json.loads(trainer.to_str())["model"]
    learned: dict[str, int] = trained["vocab"]
    merges_raw = trained["merges"]
    merges: list[tuple[str, str]] = [
        (m.split(" ", 1)[0], m.split(" ", 1)[1]) if isinstance(m, str) else (m[0], m[1]) for m in merges_raw
    ]

    vocab: dict[str, int] = {}
    for token, _ in sorted(learned.items(), key=lambda item: item[1]):
        if len(vocab) >= vocab_size - 1:
            break
        vocab[token] = len(vocab)
    kept_merges = [(a, b) for a, b in merges if a in vocab and b in vocab and a + b in vocab]
    filler = 0
    while len(vocab) < vocab_size - 1:
        vocab[f"Ġzz{filler}"] = len(vocab)
        filler += 1
    vocab["<mask>"] = len(vocab)

    # The tokenizers backend wants merges as pairs (the type hints say strings).
    pairs: Any = kept_merges
    tokenizer = BartTokenizer(vocab=vocab, merges=pairs, model_max_length=max_position_embeddings)
    tokenizer.save_pretrained(folder)

    config = BartConfig(
        vocab_size=vocab_size,
        d_model=d_model,
        encoder_layers=encoder_layers,
        decoder_layers=decoder_layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn_dim,
        decoder_ffn_dim=ffn_dim,
        max_position_embeddings=max_position_embeddings,
        bos_token_id=0,
        pad_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_eos_token_id=2,
        scale_embedding=False,
        init_std=init_std,
        architectures=["BartForConditionalGeneration"],
        **_PUBLISHED_BART_KEYS,
    )
    _seed(seed)
    model = BartForConditionalGeneration(config)
    model.generation_config = GenerationConfig(
        bos_token_id=0,
        pad_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
        num_beams=4,
        no_repeat_ngram_size=3,
        max_length=min(142, max_position_embeddings),
        min_length=min(56, max_position_embeddings // 4),
        length_penalty=2.0,
        early_stopping=True,
    )
    _save_model(model, folder)
    return folder


def main(argv: list[str] | None = None) -> None:
    """`python -m models.build {tiny|published} OUT`: build random-weight Marian and BART folders."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m models.build",
        description="Build random-weight MarianMT and BART models with real tokenizers (noise in, noise out).",
    )
    parser.add_argument("size", choices=["tiny", "published"], help="tiny (seconds) or the published shapes")
    parser.add_argument("out", type=Path, help="folder; gets marian/ and bart/ inside")
    args = parser.parse_args(argv)
    marian_shape: dict[str, Any] = {} if args.size == "tiny" else dict(MARIAN_OPUS_MT_SHAPE)
    # The tiny summarizer gets distilbart's 1024 input positions, so that configs/nightly.yaml's
    # summary lengths fit it unchanged.
    bart_shape: dict[str, Any] = (
        {"max_position_embeddings": 1024} if args.size == "tiny" else dict(DISTILBART_CNN_12_6_SHAPE)
    )
    print(build_marian(args.out / "marian", **marian_shape))
    print(build_bart(args.out / "bart", **bart_shape))


if __name__ == "__main__":
    main()
