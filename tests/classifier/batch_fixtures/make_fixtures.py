"""Writes the nasty-input fixtures beside this file (run it again after changing a case).

Each file is small and named for what is wrong with it; ``tests/classifier/test_batch.py`` states, per file,
the row count, the ``error`` messages and the exit code expected. Cases too large to keep in the repository
(a 1 MB cell) and XLSX inputs are built by the tests themselves.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
RANSOM = "Hackers encrypted the hospital's servers and demanded 50,000 USD; surgeries were postponed for days."
PHISH = "Fırıldaqçılar saxta bank səhifəsi ilə müştərinin kart məlumatlarını ələ keçirib və 3 000 manat köçürüblər."
RU = "Злоумышленник взломал почту бухгалтера и разослал поддельные счета клиентам компании."
MAILBOX = "An employee logged into a former colleague's mailbox with a guessed password and read her messages."

FILES: dict[str, bytes] = {
    # a blank line (skipped, not a record), an empty cell, whitespace only, punctuation only
    "empty_rows.csv": (f"id,text,source\nr1,{MAILBOX},log\n\nr2,,log\nr3,   ,log\nr4,?!...,log\n"
                       f"r5,\"{RANSOM}\",news\n").encode(),
    # quoted cells with embedded newlines, doubled quotes and commas
    "quotes_newlines.csv": ("id,text\nq1,\"He said \"\"pay now\"\",\nthen the files were locked;\n"
                            "our servers, all of them, stopped.\"\nq2,\"Line one\r\nline two: someone hacked "
                            "the Wi-Fi router and read our messages.\"\n").encode(),
    "nul_bytes.csv": f"id,text\nn1,{MAILBOX}\nn2,bin\x00ary\x00 data here\nn3,\"{RANSOM}\"\n".encode(),
    # cells a spreadsheet would run as formulas, in the text column and others; plain numbers stay as they are
    "formulas.csv": ("id,text,note\n-5,=HYPERLINK(\"http://x\";\"click\") and someone hacked my account,+1 555\n"
                     f"f2,\"+{MAILBOX}\",@SUM(A1)\nf3,\"-{RANSOM}\",\"\tindent\"\n"
                     f"f4,\"@{PHISH}\",=1+2\n").encode(),
    "utf16_bom.csv": f"id,text\nu1,{PHISH}\nu2,{RU}\n".encode("utf-16"),
    "cp1251.csv": f"id,text\nc1,{RU}\nc2,Клиенты банка не могли оплатить картой три часа из-за атаки на серверы.\n"
                  .encode("cp1251"),
    "utf8_bom.csv": f"id,text\nb1,{PHISH}\nb2,{MAILBOX}\n".encode("utf-8-sig"),
    # UTF-8, except one row saved as Windows-1251: that row has undecodable bytes
    "mixed_encoding.csv": (f"id,text\nm1,{PHISH}\n".encode() + f"m2,{RU}\n".encode("cp1251")
                           + f"m3,{MAILBOX}\n".encode()),
    "missing_column.csv": f"id,description\nx1,{MAILBOX}\n".encode(),
    "duplicate_columns.csv": f"id,text,id,\nd1,{MAILBOX},a,b\nd2,\"{RANSOM}\",c,d\n".encode(),
    "duplicate_text_column.csv": f"id,text,text\nd1,{MAILBOX},again\n".encode(),
    # line 3 has too many fields, line 4 too few, line 5 text after a closing quote, line 7 an unclosed quote
    "malformed.csv": (f"id,text,source\nk1,{MAILBOX},log\nk2,extra,field,here\nk3\nk4,\"quoted\"tail,log\n"
                      f"k5,\"{RANSOM}\",news\nk6,\"never closed,log\nk7,{PHISH},log\n").encode(),
    "not_text.csv": bytes((i * 7919 + 13) % 256 for i in range(4096)),
    "incidents.tsv": f"id\ttext\nt1\t{MAILBOX}\nt2\t{PHISH}\nt3\t\n".encode(),
    # one incident per line; the blank line is an (empty) incident
    "incidents.txt": f"{MAILBOX}\n{RU}\n\n{RANSOM}\n".encode(),
    # invalid JSON, a non-object, doubled keys, a missing text key, nested values kept
    "incidents.jsonl": (f'{{"id": 1, "text": "{MAILBOX}", "meta": {{"src": "soc"}}}}\n{{"id": 2, "text": \n'
                        f'[1, 2]\n{{"id": 4, "text": "a", "text": "{RANSOM}"}}\n{{"id": 5}}\n\n'
                        f'{{"id": 6, "text": "{PHISH}", "tags": ["x", "y"]}}\n').encode(),
    # issue 13: a bare carriage return before a formula, and a NUL, inside quoted cells
    "bare_cr.csv": (f"id,text,note\ncr1,\"hacked my mail\r=cmd|' /C calc'!A0\",\"a\x00b\"\n"
                    f"cr2,{MAILBOX},\"first line\r@SUM(A1)\r\n-5\"\n").encode(),
    # a text that is under the limit as saved and over it after Unicode normalisation (U+0958 → 2 characters)
    "nfc_growth.csv": f"id,text\ng1,{MAILBOX} {chr(0x958) * 10_000}\ng2,\"{RANSOM}\"\n".encode(),
    # JSON values that are not text in the text field; null is a missing text
    "not_text_values.jsonl": (b'{"id": 1, "text": true}\n{"id": 2, "text": 1.5e300}\n{"id": 3, "text": ["a", "b"]}\n'
                              b'{"id": 4, "text": {"k": "v"}}\n{"id": 5, "text": 42}\n{"id": 6, "text": null}\n'
                              + f'{{"id": 7, "text": "{MAILBOX}"}}\n'.encode()),
    # files cut short: the last record has no line end
    "cut_short.csv": f"id,text\nk1,{MAILBOX}\nk2,Someone hacked the serv".encode(),
    "cut_short.txt": f"{MAILBOX}\nSomeone hacked the serv".encode(),
}

if __name__ == "__main__":
    for name, data in FILES.items():
        (HERE / name).write_bytes(data)
        print(f"wrote {name} ({len(data)} bytes)")
