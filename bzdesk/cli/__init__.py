"""The command line: a thin layer that parses, calls a service, prints, and
maps errors to the exit codes of DESIGN.md. Modules here import only argparse
at the top (the GUI start path builds the parser too); services are imported
inside the handlers."""
