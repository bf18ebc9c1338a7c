"""Templates, read: a brand's theme (``theme.yaml``), an organisation's PowerPoint master and
its ``reference.docx``; and the ``template`` commands' tools (scaffold a new template, inspect
one). Reading a template is below planning; writing outputs from it is :mod:`deckgen.render`'s.
"""
