#!/usr/bin/env python3
"""The e-mails the nodes wrote to their pickup folders (no SMTP host configured: one .eml per message sent).
As a script: prints the tracking code of every message whose subject starts with "[CODE]", one a line.
Usage: mail_pickup.py FOLDER..."""
import email, email.policy, re, sys
from pathlib import Path


def messages(folders):
    """(path, message) of every .eml in the folders that exist; subjects come back decoded (RFC 2047)."""
    for folder in dict.fromkeys(folders):   # each folder once
        for path in sorted(Path(folder).glob("*.eml")) if Path(folder).is_dir() else []:
            with open(path, "rb") as f:
                yield path, email.message_from_binary_file(f, policy=email.policy.default)


def subject_code(message):
    match = re.match(r"\[([^\]]+)\]", str(message["Subject"] or ""))
    return match.group(1) if match else None


if __name__ == "__main__":
    for _, message in messages(sys.argv[1:]):
        if code := subject_code(message):
            print(code)
