"""Language packs shipped with the toolkit (see tools.core.packs). The core never imports these modules."""
