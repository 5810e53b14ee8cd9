from plancli.cli import main

main()
