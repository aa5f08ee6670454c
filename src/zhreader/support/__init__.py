"""What every layer stands on and nothing Chinese-specific: where zhreader keeps its files
(``paths``), writes that happen completely or not at all (``atomic``), locks shared by
processes (``locking``) and package attributes loaded on first use (``lazy``)."""
