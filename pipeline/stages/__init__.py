"""The stages of the pipeline, one module each, in the order the runner applies them:
decode, segment, normalize, detect, classify, glossary, repair, qa, sentences."""
