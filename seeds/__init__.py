"""The bundled documents (see README.md), installed as the package `resalign.examples`."""
