from resalign import run

run()
