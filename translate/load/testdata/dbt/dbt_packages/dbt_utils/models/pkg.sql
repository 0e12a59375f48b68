SELECT {{ 'packages are skipped' }}
