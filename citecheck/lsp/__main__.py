"""`python -m citecheck.lsp`: the language server on stdio."""

from citecheck.lsp.server import main

if __name__ == "__main__":
    main()
