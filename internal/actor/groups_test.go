package actor_test

import (
	"testing"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/event"
)

// firstEntry returns the first meaning of the match whose text is phrase.
func firstEntry(ms []actor.Match, phrase string) (actor.Entry, bool) {
	for _, m := range ms {
		if m.Text == phrase && len(m.Entries) > 0 {
			return m.Entries[0], true
		}
	}
	return actor.Entry{}, false
}

// TestMatchConflictActors checks a sample of the armed groups, parties and
// generic agents that conflict and protest reports name: the phrase is
// found, with the code and country its date calls for.
func TestMatchConflictActors(t *testing.T) {
	d := MustDefault(t)
	tests := []struct {
		name    string
		text    string
		date    string
		phrase  string
		code    string
		country string
	}{
		// Sahel and West Africa
		{"JNIM", "JNIM fighters ambushed an army convoy near Boni on Tuesday.", "2024-03-05", "JNIM", "IMGALQ", "MLI"},
		{"ISWAP", "Suspected ISWAP militants raided a base in Borno state overnight.", "2023-05-14", "ISWAP", "IMGISI", "NGA"},
		{"IS Sahel", "Islamic State Sahel Province gunmen killed a dozen herders near Menaka.", "2023-08-01", "Islamic State Sahel Province", "IMGISI", "MLI"},
		{"ISGS old name", "The Islamic State in the Greater Sahara claimed the ambush.", "2019-10-02", "Islamic State in the Greater Sahara", "IMGISI", "MLI"},
		{"Ansaroul Islam", "Ansaroul Islam claimed the attack on a gendarmerie post in Soum.", "2018-02-11", "Ansaroul Islam", "BFAREB", "BFA"},
		{"VDP", "VDP auxiliaries repelled the assault, a local official said.", "2022-04-02", "VDP", "BFAUAF", "BFA"},
		{"Ambazonians", "Ambazonian separatists torched a school in Bamenda.", "2019-11-20", "Ambazonian separatists", "CMRSEP", "CMR"},
		{"IPOB", "Police blamed IPOB for the attack on the station in Owerri.", "2021-04-06", "IPOB", "NGASEP", "NGA"},
		// Central and East Africa
		{"ADF", "ADF rebels killed at least 20 civilians in Beni territory.", "2022-06-08", "ADF", "UGAREB", "UGA"},
		{"CODECO", "CODECO militiamen attacked a displacement camp in Djugu.", "2022-02-02", "CODECO", "CODUAF", "COD"},
		{"Mai-Mai", "Mai-Mai fighters clashed with the FARDC near Uvira.", "2021-09-10", "Mai-Mai", "CODUAF", "COD"},
		{"FARDC", "Mai-Mai fighters clashed with the FARDC near Uvira.", "2021-09-10", "FARDC", "CODMIL", "COD"},
		{"Twirwaneho", "Twirwaneho gunmen seized cattle in Minembwe.", "2021-03-01", "Twirwaneho", "CODUAF", "COD"},
		{"Imbonerakure", "Imbonerakure members beat two opposition activists in Ngozi.", "2020-05-12", "Imbonerakure", "BDIUAF", "BDI"},
		{"Anti-Balaka", "Anti-Balaka militias attacked a mosque in Bangui.", "2014-02-01", "Anti-Balaka", "CAFUAF", "CAF"},
		{"Seleka in power", "Seleka fighters looted homes in the capital.", "2013-06-01", "Seleka", "CAFGOV", "CAF"},
		{"Seleka after", "Seleka fighters looted homes in the north.", "2015-06-01", "Seleka", "CAFREB", "CAF"},
		{"CPC", "The CPC rebel coalition cut the main supply road.", "2021-01-10", "CPC", "CAFREB", "CAF"},
		{"TPLF in power", "The TPLF dominated the ruling coalition for years.", "2010-05-01", "TPLF", "ETHGOV", "ETH"},
		{"TPLF at war", "The TPLF said its forces shot down a jet.", "2021-06-25", "TPLF", "ETHREB", "ETH"},
		{"TPLF after Pretoria", "The TPLF accused the federal government of stalling.", "2023-06-01", "TPLF", "ETHOPP", "ETH"},
		{"TDF", "Tigray Defense Forces entered Mekelle on Monday.", "2021-06-28", "Tigray Defense Forces", "ETHREB", "ETH"},
		{"OLA", "The Oromo Liberation Army denied killing the villagers.", "2022-06-20", "Oromo Liberation Army", "ETHREB", "ETH"},
		{"Fano ally", "Fano militiamen fought beside federal troops.", "2021-08-01", "Fano", "ETHUAF", "ETH"},
		{"Fano rebel", "Fano fighters briefly held Lalibela.", "2023-08-04", "Fano", "ETHREB", "ETH"},
		{"SPLM-IO rebels", "SPLM-IO forces attacked a garrison in Upper Nile.", "2016-08-01", "SPLM-IO", "SSDREB", "SSD"},
		{"SPLM-IO in government", "SPLM-IO ministers walked out of the cabinet meeting.", "2022-03-01", "SPLM-IO", "SSDGOV", "SSD"},
		{"LRA", "LRA fighters abducted children in Haut-Uele.", "2009-01-01", "LRA", "UGAREB", "UGA"},
		// Middle East and North Africa
		{"Islamic State", "Islamic State militants attacked a checkpoint near Kirkuk.", "2016-01-01", "Islamic State", "IMGISI", ""},
		{"Daesh", "Daesh cells remain active in the desert.", "2020-01-01", "Daesh", "IMGISI", ""},
		{"HTS rebels", "HTS fighters shelled government positions.", "2020-02-01", "HTS", "SYRREB", "SYR"},
		{"HTS rules", "HTS officials met foreign envoys in Damascus.", "2024-12-20", "HTS", "SYRGOV", "SYR"},
		{"PKK", "The PKK said it would lay down its arms.", "2025-05-12", "PKK", "TURSEP", "TUR"},
		{"PMF militia", "PMF units recaptured the town from the militants.", "2015-04-01", "PMF", "IRQUAF", "IRQ"},
		{"PMF state", "PMF units deployed along the border.", "2020-04-01", "PMF", "IRQMIL", "IRQ"},
		{"Kataib Hezbollah", "Kataib Hezbollah claimed the drone strike.", "2024-01-29", "Kataib Hezbollah", "IRQUAF", "IRQ"},
		{"LNA", "The Libyan National Army shelled the airport.", "2019-04-10", "Libyan National Army", "LBYMIL", "LBY"},
		{"PIJ", "Palestinian Islamic Jihad fired rockets at Sderot.", "2023-05-10", "Palestinian Islamic Jihad", "PSEREB", "PSE"},
		{"Aqsa brigades", "The al-Aqsa Martyrs' Brigades claimed the shooting.", "2002-03-01", "al-Aqsa Martyrs' Brigades", "PSEREB", "PSE"},
		{"Hamas governs", "Hamas ministers were sworn in at Gaza.", "2006-06-01", "Hamas", "PSEGOV", "PSE"},
		{"Hamas armed", "Hamas fighters fired rockets into Israel.", "2023-10-08", "Hamas", "PSEREB", "PSE"},
		// South and Southeast Asia
		{"Arakan Army", "The Arakan Army seized a border post in Maungdaw.", "2024-12-08", "Arakan Army", "MMRREB", "MMR"},
		{"KIA", "KIA troops overran a junta base near Bhamo.", "2024-11-01", "KIA", "MMRREB", "MMR"},
		{"PDF", "People's Defence Force fighters ambushed a convoy in Sagaing.", "2022-01-15", "People's Defence Force", "MMRREB", "MMR"},
		{"Tatmadaw", "The Tatmadaw bombed a village school.", "2023-09-16", "Tatmadaw", "MMRMIL", "MMR"},
		{"NPA", "NPA rebels ambushed soldiers in Northern Samar.", "2022-07-01", "NPA", "PHLREB", "PHL"},
		{"Abu Sayyaf", "Abu Sayyaf gunmen kidnapped three fishermen off Sulu.", "2018-01-01", "Abu Sayyaf", "PHLREB", "PHL"},
		{"BIFF", "BIFF fighters set off a bomb in Maguindanao.", "2021-05-01", "BIFF", "PHLREB", "PHL"},
		{"Naxalites", "Naxalites blew up a road culvert in Bijapur.", "2021-04-03", "Naxalites", "INDREB", "IND"},
		{"Nepal Maoists", "Maoist rebels attacked a police post in Rolpa.", "2001-04-01", "Maoist rebels", "NPLREB", "NPL"},
		{"ULFA", "ULFA cadres extorted money from tea planters.", "2008-01-01", "ULFA", "INDSEP", "IND"},
		{"BLA", "The BLA claimed the attack on the train.", "2025-03-11", "BLA", "PAKSEP", "PAK"},
		{"TTP", "TTP militants attacked a police station in Bannu.", "2023-01-01", "TTP", "PAKREB", "PAK"},
		// Americas
		{"FARC dissidents", "FARC dissidents bombed a police station in Cauca.", "2023-05-01", "FARC dissidents", "COLREB", "COL"},
		{"Clan del Golfo", "The Clan del Golfo imposed an armed strike.", "2022-05-06", "Clan del Golfo", "COLCRM", "COL"},
		{"CJNG", "CJNG gunmen attacked a police convoy in Michoacan.", "2021-06-01", "CJNG", "MEXCRM", "MEX"},
		{"Sinaloa", "The Sinaloa Cartel split into warring factions.", "2024-09-10", "Sinaloa Cartel", "MEXCRM", "MEX"},
		{"G9", "G9 gangs blocked the fuel terminal in Port-au-Prince.", "2021-10-20", "G9", "HTICRM", "HTI"},
		{"G-Pep", "G-Pep gunmen fought the rival coalition in Cité Soleil.", "2022-07-10", "G-Pep", "HTICRM", "HTI"},
		{"MS-13", "MS-13 members were moved to the new prison.", "2023-02-25", "MS-13", "SLVCRM", "SLV"},
		{"Shining Path", "Shining Path remnants ambushed a patrol in the VRAEM.", "2023-02-18", "Shining Path", "PERREB", "PER"},
		// parties: one that was GOV, then OPP
		{"BNP in power", "BNP activists marched in Dhaka.", "2003-05-01", "BNP", "BGDGOV", "BGD"},
		{"BNP out", "BNP activists marched in Dhaka.", "2015-05-01", "BNP", "BGDOPP", "BGD"},
		{"Awami League in power", "Awami League men attacked the procession.", "2018-12-28", "Awami League", "BGDGOV", "BGD"},
		{"Awami League out", "Awami League men attacked the procession.", "2025-01-05", "Awami League", "BGDOPP", "BGD"},
		{"JeI", "JeI activists blocked the highway.", "2023-11-05", "JeI", "BGDOPP", "BGD"},
		{"PML-N", "PML-N lawmakers walked out of the session.", "2020-06-01", "PML-N", "PAKOPP", "PAK"},
		{"PML-N governs", "PML-N lawmakers passed the budget.", "2024-06-28", "PML-N", "PAKGOV", "PAK"},
		{"BJP", "BJP workers clashed with Trinamool supporters.", "2021-05-03", "BJP", "INDGOV", "IND"},
		{"Trinamool", "BJP workers clashed with Trinamool supporters.", "2021-05-03", "Trinamool", "INDOPP", "IND"},
		{"APC", "APC supporters rallied in Kano.", "2022-10-01", "APC", "NGAGOV", "NGA"},
		{"PDP before", "PDP thugs disrupted the vote.", "2011-04-09", "PDP", "NGAGOV", "NGA"},
		{"PDP after", "PDP thugs disrupted the vote.", "2019-02-23", "PDP", "NGAOPP", "NGA"},
		{"ODM", "ODM supporters protested in Kisumu.", "2017-10-26", "ODM", "KENOPP", "KEN"},
		{"NUP", "NUP supporters were arrested in Kampala.", "2021-01-14", "NUP", "UGAOPP", "UGA"},
		{"ANC", "ANC members protested outside Luthuli House.", "2021-07-09", "ANC", "ZAFGOV", "ZAF"},
		{"DA opposition", "The Democratic Alliance marched to the Union Buildings.", "2023-03-20", "Democratic Alliance", "ZAFOPP", "ZAF"},
		{"DA governs", "The Democratic Alliance threatened to quit the unity government.", "2025-04-01", "Democratic Alliance", "ZAFGOV", "ZAF"},
		{"ZANU-PF", "ZANU-PF youths assaulted CCC activists in Harare.", "2023-08-20", "ZANU-PF", "ZWEGOV", "ZWE"},
		{"Prosperity Party", "The Prosperity Party won a landslide.", "2021-07-10", "Prosperity Party", "ETHGOV", "ETH"},
		{"PASTEF opposition", "PASTEF supporters clashed with police in Ziguinchor.", "2023-06-01", "PASTEF", "SENOPP", "SEN"},
		{"PASTEF governs", "PASTEF lawmakers passed the amnesty repeal.", "2025-04-02", "PASTEF", "SENGOV", "SEN"},
		{"Ennahda", "Ennahda leaders were arrested in Tunis.", "2023-04-17", "Ennahda", "TUNOPP", "TUN"},
		{"AKP", "The AKP lost Istanbul to the CHP.", "2019-06-23", "AKP", "TURGOV", "TUR"},
		{"CHP", "The AKP lost Istanbul to the CHP.", "2019-06-23", "CHP", "TUROPP", "TUR"},
		{"Likud out", "Likud lawmakers heckled the prime minister.", "2022-01-10", "Likud", "ISROPP", "ISR"},
		{"Likud in", "Likud lawmakers backed the prime minister.", "2023-03-01", "Likud", "ISRGOV", "ISR"},
		{"CDU in", "The CDU backed the chancellor's bill.", "2019-06-01", "CDU", "DEUGOV", "DEU"},
		{"CDU out", "The CDU attacked the chancellor's bill.", "2023-06-01", "CDU", "DEUOPP", "DEU"},
		{"AfD", "AfD supporters marched in Chemnitz.", "2018-08-27", "AfD", "DEUOPP", "DEU"},
		{"Lib Dems", "The Lib Dems joined the coalition.", "2012-01-01", "Lib Dems", "GBRGOV", "GBR"},
		{"Reform UK", "Reform UK topped the poll.", "2025-05-02", "Reform UK", "GBROPP", "GBR"},
		{"National Rally", "The National Rally called for a censure motion.", "2024-12-02", "National Rally", "FRAOPP", "FRA"},
		{"Brothers of Italy", "Brothers of Italy won the election.", "2023-01-01", "Brothers of Italy", "ITAGOV", "ITA"},
		{"PSOE", "PSOE deputies voted for the amnesty.", "2024-03-14", "PSOE", "ESPGOV", "ESP"},
		{"PiS in", "PiS lawmakers passed the court reform.", "2017-07-20", "PiS", "POLGOV", "POL"},
		{"PiS out", "PiS lawmakers protested outside the public broadcaster.", "2023-12-20", "PiS", "POLOPP", "POL"},
		{"Fidesz", "Fidesz won a fourth supermajority.", "2022-04-03", "Fidesz", "HUNGOV", "HUN"},
		{"Republicans out", "Republicans blocked the spending bill.", "2022-03-01", "Republicans", "USAOPP", "USA"},
		{"Republicans in", "Republicans passed the spending bill.", "2025-07-03", "Republicans", "USAGOV", "USA"},
		{"Democrats", "Democrats blocked the spending bill.", "2025-10-01", "Democrats", "USAOPP", "USA"},
		{"Morena", "Morena lawmakers approved the judicial overhaul.", "2024-09-11", "Morena", "MEXGOV", "MEX"},
		{"PRI", "The PRI lost the governorship of Mexico State.", "2023-06-04", "PRI", "MEXOPP", "MEX"},
		{"PSUV", "PSUV militants surrounded the assembly.", "2019-01-10", "PSUV", "VENGOV", "VEN"},
		{"Peronists", "The Peronists lost the runoff.", "2023-11-19", "Peronists", "ARGGOV", "ARG"},
		{"Historic Pact", "The Historic Pact won the Senate vote.", "2023-01-01", "Historic Pact", "COLGOV", "COL"},
		{"NLD in", "NLD lawmakers rejected the army's amendments.", "2019-01-01", "NLD", "MMRGOV", "MMR"},
		{"NLD out", "NLD members were arrested in Mandalay.", "2022-01-01", "NLD", "MMROPP", "MMR"},
		{"Georgian Dream", "Georgian Dream suspended EU accession talks.", "2024-11-28", "Georgian Dream", "GEOGOV", "GEO"},
		{"United Russia", "United Russia won the Duma election.", "2021-09-20", "United Russia", "RUSGOV", "RUS"},
		{"Servant of the People", "Servant of the People lawmakers backed the bill.", "2020-01-01", "Servant of the People", "UKRGOV", "UKR"},
		{"Pheu Thai", "Pheu Thai lost its coalition partner.", "2025-06-19", "Pheu Thai", "THAGOV", "THA"},
		{"UMNO", "UMNO joined the unity government.", "2023-01-01", "UMNO", "MYSGOV", "MYS"},
		{"PDI-P", "PDI-P declined cabinet posts.", "2024-11-01", "PDI-P", "IDNOPP", "IDN"},
		{"CPP", "The ruling CPP won every seat.", "2018-07-29", "CPP", "KHMGOV", "KHM"},
		{"CPP-NPA", "The CPP-NPA rejected the ceasefire.", "2018-07-29", "CPP-NPA", "PHLREB", "PHL"},
		// generic agents ACLED notes use
		{"vigilantes", "Vigilantes lynched two suspected thieves.", "", "Vigilantes", "UAF", ""},
		{"communal militia", "A communal militia burned the village.", "", "communal militia", "UAF", ""},
		{"ethnic militias", "Rival ethnic militias traded fire overnight.", "", "ethnic militias", "UAF", ""},
		{"Fulani militia", "A Fulani militia attacked farmers in Plateau.", "", "Fulani militia", "UAF", ""},
		{"armed herders", "Armed herders killed 11 farmers in Benue.", "", "Armed herders", "UAF", ""},
		{"herdsmen", "Herdsmen and farmers clashed over grazing land.", "", "Herdsmen", "AGR", ""},
		{"bandits", "Bandits abducted 80 pupils in Kebbi.", "", "Bandits", "UAF", ""},
		{"dacoits", "Dacoits looted a bus on the highway.", "", "Dacoits", "CRM", ""},
		{"prison guards", "Prison guards fired on rioting inmates.", "", "Prison guards", "COP", ""},
		{"law enforcers", "Law enforcers dispersed the crowd.", "", "Law enforcers", "COP", ""},
		{"ruling party supporters", "Ruling party supporters attacked the rally.", "", "Ruling party supporters", "GOV", ""},
		{"party workers", "Party workers clashed over nominations.", "", "Party workers", "OPP", ""},
		{"opposition party activists", "Opposition party activists blocked the road.", "", "Opposition party activists", "OPP", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := d.Match(tt.text, event.Span{End: len(tt.text)}, day(tt.date), nil)
			e, ok := firstEntry(ms, tt.phrase)
			if !ok {
				t.Fatalf("no match %q in %q: %v", tt.phrase, tt.text, render(ms))
			}
			if e.Code != tt.code || e.Country != tt.country {
				t.Errorf("%q: got %s (%q), want %s (%q)", tt.phrase, e.Code, e.Country, tt.code, tt.country)
			}
		})
	}
}

// TestMatchAmbiguousAcronyms checks that acronyms which are ordinary words,
// or name something else as often, are left out or need their capitals.
func TestMatchAmbiguousAcronyms(t *testing.T) {
	d := MustDefault(t)
	tests := []struct {
		name string
		text string
	}{
		{"PDF file", "Download the annual report as a PDF file."},
		{"AA batteries", "The torch takes two AA batteries."},
		{"DA", "The DA said the trial would resume."},
		{"PT", "He did PT every morning."},
		{"APR", "The card charges a 24% APR."},
		{"PAN card", "Bring your PAN card to the bank."},
		{"PPP project", "The PPP project stalled."},
		{"AL", "The firm is based in Mobile, AL."},
		{"Let us", "Let us know by Friday."},
		{"lower case words", "The fano, the morena and the lega were mentioned, and a vox pop aired."},
		{"bare IS", "What IS the plan?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := d.Match(tt.text, event.Span{End: len(tt.text)}, day("2024-06-01"), nil)
			for _, m := range ms {
				for _, e := range m.Entries {
					if e.Kind == actor.Org {
						t.Errorf("%q coded as org %s (%s)", m.Text, e.Code, e.Name)
					}
				}
			}
		})
	}
}
