/*
 * The words of tuff-report, in Swedish: the register of a
 * municipality's own documents (see report_text.h).
 */
#include <stddef.h>

#include "report_text.h"

static const char *const texts[T_NTEXT] = {
	[T_TITLE] = "Månadsuppföljning %s",
	[T_LEAD] = "Läget per den %s för uppdrag, delmål och hinder, "
	    "granskningen mot principerna för tillitsbaserad styrning och "
	    "ledning, medarbetarengagemanget och användarresorna.",
	[T_FACTS] = "I korthet",
	[T_FACT] = "%s: %s",
	[T_FACT_LATE] = "Försenade uppdrag",
	[T_FACT_MS_WAITING] = "Delmål som väntar",
	[T_FACT_REACHED] = "Delmål att fira",
	[T_FACT_OBSTACLES] = "Öppna hinder",
	[T_FACT_TBLS_ERRORS] = "Fel i TBLS-granskningen",
	[T_FACT_HME] = "HME-index %s, %s",
	[T_FOOT_READ] = "Rapporten bygger på %s.",
	[T_FOOT_OTHERS] = "%s av andra slag ingår inte: %s.",
	[T_FOOT_KIND] = "%s (%zu)",
	[T_FOOT_NO_KIND] = "utan kind (%zu)",
	[T_FOOT_REST] = "övriga (%zu)",
	[T_LIST_SEP] = ", ",
	[T_LIST_LAST] = " och ",
	[T_PAIR] = "%s: %s",
	[T_DESC_SEP] = "; ",

	[T_ASSIGNMENTS] = "Uppdrag",
	[T_NO_FOLLOWUPS] = "Underlaget innehåller ingen uppföljning av "
	    "uppdrag (tuff-decide --due).",
	[T_LATE] = "Försenade uppdrag",
	[T_NONE_LATE] = "Inga uppdrag är försenade.",
	[T_MS_WAITING] = "Delmål som väntar",
	[T_NONE_MS_WAITING] = "Inga delmål väntar.",
	[T_OBSTACLES] = "Öppna hinder",
	[T_NONE_OBSTACLES] = "Inga hinder är öppna.",
	[T_COL_ASSIGNMENT] = "Uppdrag",
	[T_COL_OWNER] = "Ansvarig",
	[T_COL_WAS_DUE] = "Skulle vara klart",
	[T_COL_LATE] = "Försenat",
	[T_COL_DUE] = "Ska vara klart",
	[T_COL_LEFT] = "Kvar",
	[T_COL_MILESTONE] = "Delmål",
	[T_COL_DATE] = "Datum",
	[T_COL_STATE] = "Läge",
	[T_COL_OBSTACLE] = "Hinder",
	[T_COL_OBST_OWNER] = "Ägare",
	[T_COL_RAISED] = "Sedan",
	[T_COL_OPEN] = "Öppet",
	[T_NO_OWNER] = "Ingen ägare",
	[T_TODAY] = "i dag",
	[T_UNKNOWN] = "okänt",

	[T_CELEBRATE] = "Framsteg att fira",
	[T_CELEBRATE_LEAD] = "Delmål som har nåtts sedan %s. Små som stora "
	    "framsteg är värda att uppmärksamma.",
	[T_NONE_REACHED] = "Inga delmål har nåtts sedan %s.",
	[T_COL_REACHED] = "Nått",

	[T_TBLS] = "Tillitsbaserad styrning och ledning (TBLS)",
	[T_NO_TBLS] = "Underlaget innehåller ingen granskning mot "
	    "TBLS-principerna (tbls-check --summary).",
	[T_TBLS_CHECKED] = "%s och %s har granskats mot de sju principerna: "
	    "%s, %s och %s.",
	[T_TBLS_AREAS] = "Principerna hör till tre områden: kultur och "
	    "ledarskap (tillit, öppenhet, medborgarfokus), styrning "
	    "(handlingsutrymme, stöd) och organisation (helhetssyn, kunskap). "
	    "Tabellen visar godkända av granskade kontroller per princip.",
	[T_TBLS_TABLE] = "Godkända av granskade kontroller per princip",
	[T_COL_RECORD] = "Uppdrag/beslut",
	[T_COL_TOTAL] = "Totalt",
	[T_TBLS_FINDINGS] = "Anmärkningar",
	[T_TBLS_CLEAN] = "Utan anmärkningar: %s.",
	[T_FINDING] = "%s (%s): %s [%s]",
	[T_FINDING_NO_PRINCIPLE] = "%s: %s [%s]",
	[T_NO_ID] = "(utan id)",
	[T_SEV_ERROR] = "Fel",
	[T_SEV_WARNING] = "Varning",
	[T_SEV_NOTE] = "Notering",
	[T_AREA_CULTURE] = "Kultur och ledarskap",
	[T_AREA_GOVERNANCE] = "Styrning",
	[T_AREA_ORGANISATION] = "Organisation",
	[T_PR_TILLIT] = "Tillit",
	[T_PR_OPPENHET] = "Öppenhet",
	[T_PR_MEDBORGARFOKUS] = "Medborgarfokus",
	[T_PR_HANDLINGSUTRYMME] = "Handlingsutrymme",
	[T_PR_STOD] = "Stöd",
	[T_PR_HELHETSSYN] = "Helhetssyn",
	[T_PR_KUNSKAP] = "Kunskap",

	[T_HME] = "Hållbart medarbetarengagemang (HME)",
	[T_NO_HME] = "Underlaget innehåller inget HME-resultat (hme-score).",
	[T_HME_LEAD] = "HME-index och delindex på en skala 0–100, per enhet "
	    "och period. En grupp med för få svarande redovisas inte, för att "
	    "skydda de svarandes anonymitet.",
	[T_HME_OVERVIEW] = "Senaste resultat per enhet",
	[T_COL_UNIT] = "Enhet",
	[T_COL_PERIOD] = "Period",
	[T_COL_INDEX] = "Index",
	[T_COL_CHANGE] = "Förändring",
	[T_COL_RESPONDENTS] = "Svarande",
	[T_SUPPRESSED] = "för få svar",
	[T_NOT_PUBLISHED] = "redovisas inte",
	[T_CHANGE_SINCE] = "%s sedan %s",
	[T_PART_OF] = "Del av %s",
	[T_UNIT_SEP] = " › ",
	[T_TREND_TITLE] = "HME-index per period, %s",
	[T_TREND_DESC] = "Linjediagram över HME-index för %s på en skala "
	    "0–100, med avbrott där en period inte redovisas: %s.",
	[T_UNIT_TABLE] = "HME-index och delindex per period",
	[T_SUB_TITLE] = "Delindex %s, %s",
	[T_SUB_LABEL] = "Delindex %s",
	[T_SUB_DESC] = "Stapeldiagram över delindexen på en skala 0–100: %s.",
	[T_INDEX] = "HME-index",
	[T_MOTIVATION] = "Motivation",
	[T_LEADERSHIP] = "Ledarskap",
	[T_GOVERNANCE] = "Styrning",
	[T_AXIS_INDEX] = "Index",
	[T_ITEMS_TITLE] = "Svaren per fråga %s, %s",
	[T_ITEMS_DESC] = "Liggande staplar med andelen svar från 1, stämmer "
	    "mycket dåligt, till 5, stämmer mycket bra, för var och en av "
	    "frågorna.",
	[T_ITEMS_TABLE] = "Svaren per fråga %s",
	[T_COL_ITEM] = "Fråga",
	[T_COL_ANSWERED] = "Svar",
	[T_ANSWER_1] = "1 Stämmer mycket dåligt",
	[T_ANSWER_5] = "5 Stämmer mycket bra",
	[T_ITEM_M1] = "Mitt arbete känns meningsfullt",
	[T_ITEM_M2] = "Jag lär nytt och utvecklas i mitt dagliga arbete",
	[T_ITEM_M3] = "Jag ser fram emot att gå till arbetet",
	[T_ITEM_L1] = "Min närmaste chef visar uppskattning för mina "
	    "arbetsinsatser",
	[T_ITEM_L2] = "Min närmaste chef visar förtroende för mig som "
	    "medarbetare",
	[T_ITEM_L3] = "Min närmaste chef ger mig förutsättningar att ta "
	    "ansvar i mitt arbete",
	[T_ITEM_S1] = "Jag är insatt i min arbetsplats mål",
	[T_ITEM_S2] = "Min arbetsplats mål följs upp och utvärderas på ett "
	    "bra sätt",
	[T_ITEM_S3] = "Jag vet vad som förväntas av mig i mitt arbete",

	[T_JOURNEYS] = "Användarresor",
	[T_NO_JOURNEYS] = "Underlaget innehåller inga användarresor "
	    "(tuff-journey).",
	[T_JOURNEYS_LEAD] = "Resorna ordnade efter friktion, den krångligaste "
	    "först. Friktionen är summan av 5 minus betyget för varje steg, "
	    "plus antalet överlämningar mellan personer och byten mellan "
	    "it-system.",
	[T_FRICTION_TITLE] = "Friktion per användarresa",
	[T_FRICTION_DESC] = "Liggande staplar, högst friktion överst: %s.",
	[T_FRICTION_TABLE] = "Resornas mått",
	[T_FRICTION_TOP] = "Diagrammet visar de %zu resorna med högst "
	    "friktion, tabellen alla.",
	[T_COL_JOURNEY] = "Resa",
	[T_COL_FRICTION] = "Friktion",
	[T_COL_STEPS] = "Steg",
	[T_COL_HANDOFFS] = "Överlämningar",
	[T_COL_SWITCHES] = "Systembyten",
	[T_COL_WAIT] = "Väntan, dagar",
	[T_COL_PAINS] = "Smärtpunkter",
	[T_COL_MEAN] = "Medelbetyg",
	[T_JOURNEY_AREA] = "Område: %s.",
	[T_JOURNEY_PERSONA] = "Berättad av: %s.",
	[T_CURVE_TITLE] = "Upplevelsen steg för steg: %s",
	[T_CURVE_DESC] = "Linjediagram över betyget för varje steg, från 1, "
	    "mycket dåligt, till 5, mycket bra; steg med en smärtpunkt är "
	    "markerade och skedena visas som band: %s.",
	[T_CURVE_TABLE] = "Stegen",
	[T_CURVE_STEP] = "steg %zu",
	[T_COL_STEP] = "Steg",
	[T_COL_STAGE] = "Skede",
	[T_COL_ACTION] = "Vad som händer",
	[T_COL_ACTOR] = "Vem",
	[T_COL_SCORE] = "Betyg",
	[T_COL_PAIN] = "Smärtpunkt",
	[T_PAINS_TABLE] = "Smärtpunkter",
	[T_NO_SCORE] = "utan betyg",
	[T_AXIS_SCORE] = "Betyg (5 = mycket bra)",
	[T_AXIS_STEP] = "Steg",
	[T_LEGEND_PAIN] = "Smärtpunkt",
};

static const struct {
	const char	*one;
	const char	*many;
} plurals[P_NPLURAL] = {
	[P_DAYS] = { "%ld dag", "%ld dagar" },
	[P_DAYS_LATE] = { "%ld dag sent", "%ld dagar sent" },
	[P_DAYS_LEFT] = { "om %ld dag", "om %ld dagar" },
	[P_DAYS_AGO] = { "för %ld dag sedan", "för %ld dagar sedan" },
	[P_DUE_WITHIN] = { "Ska vara klara inom %ld dag",
	    "Ska vara klara inom %ld dagar" },
	[P_NONE_DUE_WITHIN] = { "Inga uppdrag ska vara klara inom %ld dag.",
	    "Inga uppdrag ska vara klara inom %ld dagar." },
	[P_ASSIGNMENTS] = { "%ld uppdrag", "%ld uppdrag" },
	[P_DECISIONS] = { "%ld beslut", "%ld beslut" },
	[P_ERRORS] = { "%ld fel", "%ld fel" },
	[P_WARNINGS] = { "%ld varning", "%ld varningar" },
	[P_NOTES] = { "%ld notering", "%ld noteringar" },
	[P_RECORDS] = { "%ld post", "%ld poster" },
	[P_RESPONDENTS] = { "%ld svarande", "%ld svarande" },
};

const char *
rp_t(enum rp_text t)
{
	return (unsigned)t < T_NTEXT && texts[t] != NULL ? texts[t] : "";
}

const char *
rp_n(enum rp_plural p, long n)
{
	if ((unsigned)p >= P_NPLURAL)
		return "%ld";
	return n == 1 ? plurals[p].one : plurals[p].many;
}
