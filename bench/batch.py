"""Benchmark: end-to-end ``python -m classifier classify`` throughput and peak memory, against the bare pipeline.

Run ``python bench/batch.py`` (``--rows``, ``--stream-rows``, ``--chunk-size``). It

1. writes ``--rows`` synthetic ~600-character incident rows to a temporary CSV (see :func:`incident_rows`);
2. times, in the same run and on the same rows, the bare scikit-learn pipeline
   (``model.pipeline.predict_proba``, or ``decision_function`` for the linear SVM) and the classify command with
   ``--jobs 1``, ``--jobs 2`` and ``--engine dask`` (a local cluster), each in its own subprocess so that the peak
   resident memory (``ru_maxrss`` of the child) is the command's own;
3. with ``--stream-rows N`` also streams N rows through ``--jobs 1`` for the peak memory of a large file.

End-to-end rows/s excludes the model load (the subprocess reports its own timing on stderr, from the first row
read to the last row written). The ratios (overhead over the bare pipeline, jobs-2 speed-up) hold on a shared,
noisy machine even when the absolute numbers move. The rows are benchmark input, not training data.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {"rows_per_core": 2000, "overhead": 1.5, "speedup": 1.6, "peak_mb": 1024}

_PIECES = {
    "en": [
        "An employee of a regional branch reported that someone logged into her mailbox from an unknown IP at {hh}:{mm}.",
        "The attacker used a password taken from an earlier leak and disabled the two-factor prompt.",
        "Our SOC saw {n} failed logins on the VPN gateway, followed by one success from a hosting provider in {city}.",
        "Customers could not pay by card for {n} hours because the processing servers were encrypted overnight.",
        "A ransom note asked for {amount} in bitcoin; backups from last week were restored instead.",
        "The suspect, a former contractor, copied the client database to a USB stick before leaving.",
        "Police say the group sold access to hacked accounts on a Telegram channel.",
        "A forged scan of a bank statement was uploaded to the loan portal to raise the credit limit.",
        "Someone intercepted the Wi-Fi traffic in the café and read the messages of three visitors.",
        "The ministry's website showed a defaced page for about forty minutes.",
        "The victim lost {amount} after entering card details on a copy of the bank's login page.",
        "Logs show the intruder deleted audit records to hide the changes to payroll.",
        "My neighbour says he can read my WhatsApp; I want to know if that is a crime.",
        "Malware was installed on the accountant's laptop through a fake invoice attachment.",
        "The DDoS attack took the e-government portal offline for most of the afternoon.",
        "Ticket {ticket}: suspicious PowerShell activity on host FIN-{n}, isolated by EDR.",
    ],
    "az": [
        "Şirkətin əməkdaşı bildirib ki, onun poçt qutusuna naməlum IP ünvanından saat {hh}:{mm}-da daxil olublar.",
        "Təcavüzkar əvvəlki sızmadan əldə edilmiş şifrədən istifadə edib.",
        "Bankın serverləri gecə şifrələnib, müştərilər {n} saat ərzində kartla ödəniş edə bilməyiblər.",
        "Fidyə tələbində {amount} bitkoinlə ödənilməsi istənilib.",
        "Şübhəli şəxs keçmiş podratçıdır, müştəri bazasını fləş kartaya köçürüb.",
        "Polis bildirib ki, qrup sındırılmış hesablara girişi Telegram kanalında satıb.",
        "Kredit limitini artırmaq üçün saxta bank çıxarışı portala yüklənib.",
        "Kafedə kimsə Wi-Fi trafikini ələ keçirib və üç ziyarətçinin yazışmalarını oxuyub.",
        "Zərərçəkmiş saxta səhifədə kart məlumatlarını daxil etdikdən sonra {amount} itirib.",
        "Nazirliyin saytı təxminən qırx dəqiqə ərzində dəyişdirilmiş səhifə göstərib.",
        "Qonşum deyir ki, mənim WhatsApp yazışmalarımı oxuya bilir, bu cinayətdirmi?",
        "Mühasibin noutbukuna saxta faktura vasitəsilə zərərli proqram yüklənib.",
        "Sindirib hesabina daxil olub, shifreni deyishib ve pullari kocurub.",
        "DDoS hücumu nəticəsində elektron hökumət portalı günortadan sonra işləməyib.",
    ],
    "ru": [
        "Сотрудница филиала сообщила, что в её почту вошли с неизвестного IP в {hh}:{mm}.",
        "Злоумышленник использовал пароль из прошлой утечки и отключил двухфакторную защиту.",
        "Клиенты не могли оплатить картой {n} часов, так как серверы процессинга были зашифрованы.",
        "В записке вымогатели требовали {amount} в биткоинах; данные восстановили из резервной копии.",
        "Подозреваемый, бывший подрядчик, скопировал базу клиентов на флешку.",
        "По данным полиции, группа продавала доступ к взломанным аккаунтам в Telegram-канале.",
        "Для увеличения кредитного лимита на портал загрузили поддельную выписку из банка.",
        "Кто-то перехватил трафик Wi-Fi в кафе и прочитал переписку трёх посетителей.",
        "Потерпевший лишился {amount} после ввода данных карты на поддельной странице банка.",
        "DDoS-атака вывела из строя портал электронного правительства на полдня.",
        "Журналы показывают, что нарушитель удалил записи аудита, чтобы скрыть изменения в зарплатной ведомости.",
    ],
}
_AMOUNTS = ["12 000 manat", "$4,500", "2,3 млн рублей", "€12k", "850 AZN", "15 min manat", "USD 3.2 million", "300 manat"]
_CITIES = ["Bakı", "Gəncə", "Sumqayıt", "Tbilisi", "Istanbul", "Москва", "Frankfurt"]


def incident_rows(n: int, length: int = 600, seed: int = 0):
    """Yield ``n`` dicts (``id``, ``date``, ``lang``, ``text``); texts of about ``length`` characters, one language
    each (one in ten mixed), composed from the sentence pieces above with varied numbers, amounts and places."""
    rng = random.Random(seed)
    langs = list(_PIECES)
    for i in range(n):
        lang = rng.choice(langs)
        parts: list[str] = []
        while sum(map(len, parts)) + len(parts) < length:
            pool = _PIECES[rng.choice(langs) if rng.random() < 0.1 else lang]
            parts.append(rng.choice(pool).format(hh=rng.randrange(24), mm=f"{rng.randrange(60):02d}",
                                                 n=rng.randrange(2, 900), amount=rng.choice(_AMOUNTS),
                                                 city=rng.choice(_CITIES), ticket=f"INC-{rng.randrange(10**6):06d}"))
        date = f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        yield {"id": f"r{i:07d}", "date": date, "lang": lang, "text": " ".join(parts)[: length + 80]}


def write_rows(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["id", "date", "lang", "text"])
        w.writeheader()
        w.writerows(incident_rows(n))
