"""Bilingual explanations the statute code composes (numbers come from the data, words from here).

A :class:`Note` keeps a message id, the article it rests on and its parameters, and renders itself in English
or Azerbaijani, so the app, the CLI and exports can each show it in the user's language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    "in_force": {
        "en": "Wording in force on {on}: the version of {effective_from} (Law No. {act}).",
        "az": "{on} tarixində qüvvədə olan redaksiya: {effective_from} tarixli redaksiya (Qanun № {act}).",
    },
    "current": {
        "en": "Current wording: the version of {effective_from} (Law No. {act}).",
        "az": "Hazırkı redaksiya: {effective_from} tarixli redaksiya (Qanun № {act}).",
    },
    "milder_added": {
        "en": "The later wording of {effective_from} added {kind} as a milder alternative; it applies to this act too (Art. {article}).",
        "az": "{effective_from} tarixli sonrakı redaksiya {kind} cəzasını daha yüngül alternativ kimi əlavə edib; bu əmələ də şamil olunur (maddə {article}).",
    },
    "milder_range": {
        "en": "The later wording of {effective_from} sets a milder {kind} range ({low}-{high}); it applies retroactively (Art. {article}).",
        "az": "{effective_from} tarixli sonrakı redaksiya {kind} üçün daha yüngül hədd müəyyən edir ({low}-{high}); geriyə şamil olunur (maddə {article}).",
    },
    "harsher_ignored": {
        "en": "The later wording of {effective_from} is harsher for {kind} ({low}-{high}) and does not apply to an act committed earlier (Art. {article}).",
        "az": "{effective_from} tarixli sonrakı redaksiya {kind} üzrə daha ağırdır ({low}-{high}) və əvvəl törədilmiş əmələ şamil olunmur (maddə {article}).",
    },
    "not_covered": {
        "en": "Offence date {on} is before the 2012 rewrite of Chapter 30 (in force from {first}); the earlier Chapter 30 had different articles and is not covered by this reference.",
        "az": "Əməlin tarixi {on} 30-cu fəslin 2012-ci il yeni redaksiyasından ({first}) əvvəldir; əvvəlki 30-cu fəsildə başqa maddələr var idi və bu arayış onu əhatə etmir.",
    },
    "part_infrastructure": {
        "en": "{part}: the target is an object of infrastructure of public importance (Art. {article}); this part covers the basic and aggravated acts, so it is chosen over them.",
        "az": "{part}: hədəf ictimai əhəmiyyətli infrastruktur obyektidir (maddə {article}); bu hissə əsas və ağırlaşdırıcı halları əhatə etdiyi üçün seçilir.",
    },
    "part_aggravated": {
        "en": "{part}: qualifying circumstance {qualifier} ({circumstance}, Art. {article}).",
        "az": "{part}: tövsifedici hal {qualifier} ({circumstance}, maddə {article}).",
    },
    "part_basic": {
        "en": "{part}: no qualifying circumstance is shown, so the basic part applies.",
        "az": "{part}: tövsifedici hal göstərilməyib, ona görə əsas hissə tətbiq olunur.",
    },
    "part_basic_choice": {
        "en": "{part}: the facts fit this variant of the article ({title}); no qualifying circumstance is shown.",
        "az": "{part}: faktlar maddənin bu variantına uyğundur ({title}); tövsifedici hal göstərilməyib.",
    },
    "category": {
        "en": "Category: {title} (Art. {article}): the maximum imprisonment of {max_months} months is within its limit.",
        "az": "Kateqoriya: {title} (maddə {article}): azadlıqdan məhrum etmənin {max_months} ay yuxarı həddi bu kateqoriyanın hüdudundadır.",
    },
    "limitation": {
        "en": "Limitation period: {years} years from the day of the offence (Art. {article}).",
        "az": "Cinayət məsuliyyətinə cəlbetmə müddəti: əməlin törədildiyi gündən {years} il (maddə {article}).",
    },
    "limitation_minor": {
        "en": "For an offender under 18 the limitation period is halved: {years} years (Art. {article}).",
        "az": "Yetkinlik yaşına çatmayanlar üçün müddət yarıya endirilir: {years} il (maddə {article}).",
    },
    "attempt_cap": {
        "en": "Attempt: the maximum of the most severe punishment ({kind}) is capped at {num}/{den} × {max} = {cap} months (Art. {article}).",
        "az": "Cəhd: ən ağır cəza növünün ({kind}) yuxarı həddi {num}/{den} × {max} = {cap} ay ilə məhdudlaşır (maddə {article}).",
    },
    "mitigation_cap": {
        "en": "Art. {article} conditions met and no aggravating circumstance: the maximum of {kind} is capped at {num}/{den} × {max} = {cap} months.",
        "az": "{article}-ci maddənin şərtləri var və ağırlaşdırıcı hal yoxdur: {kind} cəzasının yuxarı həddi {num}/{den} × {max} = {cap} ay ilə məhdudlaşır.",
    },
    "cap_below_min": {
        "en": "The capped maximum ({cap} months) is below the article's minimum ({min} months); going below the minimum needs Art. {article}. The Code does not settle this case.",
        "az": "Məhdudlaşdırılmış yuxarı hədd ({cap} ay) maddənin minimumundan ({min} ay) aşağıdır; minimumdan aşağı cəza {article}-ci maddə ilə mümkündür. Məcəllə bu halı həll etmir.",
    },
    "preparation": {
        "en": "Preparation is not punishable for a crime of this category (only for {categories}; Art. {article}).",
        "az": "Bu kateqoriyalı cinayətə hazırlıq cəzalandırılmır (yalnız {categories}; maddə {article}).",
    },
    "rl_foreign": {
        "en": "Restriction of liberty is not imposed on foreign nationals and stateless persons (Art. {article}).",
        "az": "Azadlığın məhdudlaşdırılması əcnəbilərə və vətəndaşlığı olmayan şəxslərə təyin edilmir (maddə {article}).",
    },
    "minor_fine": {
        "en": "For an offender under 18 a fine is at most {max} manat and only with own earnings or property (Art. {article}); the article's minimum of {min} manat cannot be applied as such.",
        "az": "Yetkinlik yaşına çatmayana cərimə ən çoxu {max} manat və yalnız müstəqil qazancı və ya əmlakı olduqda təyin edilir (maddə {article}); maddənin {min} manat minimumu olduğu kimi tətbiq edilə bilməz.",
    },
    "minor_rl": {
        "en": "For an offender under 18 restriction of liberty runs from {min} to {max} months (Art. {article}).",
        "az": "Yetkinlik yaşına çatmayana azadlığın məhdudlaşdırılması {min} aydan {max} ayadək təyin edilir (maddə {article}).",
    },
    "minor_age": {
        "en": "Criminal responsibility for these crimes starts at {age} (Art. {article}); release with compulsory educational measures is possible (Art. {edu}).",
        "az": "Bu cinayətlərə görə məsuliyyət {age} yaşdan başlayır (maddə {article}); tərbiyəvi tədbirlər tətbiq edilməklə azad etmə mümkündür (maddə {edu}).",
    },
    "release_available": {
        "en": "{title} is possible for this category (Art. {article}).",
        "az": "{title} bu kateqoriya üçün mümkündür (maddə {article}).",
    },
    "release_unavailable": {
        "en": "{title} is not available: it needs a crime of category {categories} (Art. {article}).",
        "az": "{title} mümkün deyil: {categories} kateqoriyalı cinayət tələb olunur (maddə {article}).",
    },
    "mandatory_additional": {
        "en": "The deprivation of the right is mandatory with whichever main punishment is chosen; a court may dispense with it only under Art. {article}.",
        "az": "Hüquqdan məhrum etmə seçilən istənilən əsas cəza ilə məcburidir; məhkəmə ondan yalnız {article}-ci maddə ilə imtina edə bilər.",
    },
    "aggregate_rule": {
        "en": "Aggregate of crimes (Art. {article}): a sentence for each crime, then absorption (not above the heaviest) or full or partial addition.",
        "az": "Cinayətlərin məcmusu (maddə {article}): hər cinayətə ayrıca cəza, sonra udma (ən ağırdan yuxarı olmamaqla) və ya tam və ya qismən toplama.",
    },
    "aggregate_cap": {
        "en": "By addition, imprisonment may not exceed {cap} months ({category}; Art. {article}); the sum of the maxima is {sum} months.",
        "az": "Toplama yolu ilə azadlıqdan məhrum etmə {cap} aydan çox ola bilməz ({category}; maddə {article}); yuxarı hədlərin cəmi {sum} aydır.",
    },
    "aggregate_other": {
        "en": "Other punishments by addition may not exceed their General Part maximum: {kind} up to {max} (Art. {article}).",
        "az": "Digər cəzalar toplama yolu ilə Ümumi hissədəki yuxarı həddi keçə bilməz: {kind} {max}-dək (maddə {article}).",
    },
}


@dataclass(frozen=True)
class Note:
    """An explanation with the article it rests on; ``open_question`` marks a point the Code leaves open."""

    id: str
    article: str
    params: dict[str, Any] = field(default_factory=dict)
    open_question: str | None = None

    def text(self, lang: str = "en") -> str:
        template = MESSAGES[self.id]
        params = {k: (v.get(lang, v["en"]) if isinstance(v, dict) else v) for k, v in self.params.items()}
        article = self.article.replace("Note", "Qeyd") if lang == "az" else self.article
        return template.get(lang, template["en"]).format(article=article, **params)
