package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// samplePath returns the path of a file under testdata/samples.
func samplePath(name string) string {
	return filepath.Join("testdata", "samples", filepath.FromSlash(name))
}

// readSample reads a file with format "auto", checks the format told and
// returns the papers, failing the test at any error.
func readSample(t *testing.T, path, format string) []*Paper {
	t.Helper()
	f, err := Open(path, "auto")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Format() != format {
		t.Fatalf("format %q, want %q", f.Format(), format)
	}
	return papers(t, readAll(t, f, 5000))
}

func TestArXivAtomSamples(t *testing.T) {
	tests := []struct {
		file string
		want []*Paper
	}{
		{
			file: "arxiv_atom/james-akl_xiv_arxiv_response.xml",
			want: []*Paper{
				{
					ID: "2510.14968", ArXivID: "2510.14968",
					Title:      "RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks",
					Abstract:   "To tackle long-horizon tasks, recent hierarchical vision-language-action (VLAs) frameworks employ vision-language model (VLM)-based planners to decompose complex manipulation tasks into simpler sub-tasks that low-level visuomotor policies can easily handle. Typically, the VLM planner is finetuned to learn to decompose a target task. This finetuning requires target task demonstrations segmented into sub-tasks by either human annotation or heuristic rules. However, the heuristic subtasks can deviate significantly from the training data of the visuomotor policy, which degrades task performance. To address these issues, we propose a Retrieval-based Demonstration Decomposer (RDD) that automatically decomposes demonstrations into sub-tasks by aligning the visual features of the decomposed sub-task intervals with those from the training data of the low-level visuomotor policies. Our method outperforms the state-of-the-art sub-task decomposer on both simulation and real-world tasks, demonstrating robustness across diverse settings. Code and more results are available at rdd-neurips.github.io.",
					Year:       2025,
					Authors:    []string{"Mingxuan Yan", "Yuping Wang", "Zechun Liu", "Jiachen Li"},
					URL:        "https://arxiv.org/abs/2510.14968",
					Categories: []string{"cs.RO", "cs.AI", "cs.CV", "cs.LG", "cs.SY", "eess.SY"},
					Source:     ArXivAtomSource,
				},
				{
					ID: "2510.14827", ArXivID: "2510.14827",
					Title:      "Neural Implicit Flow Fields for Spatio-Temporal Motion Mapping",
					Abstract:   "Safe and efficient robot operation in complex human environments can benefit from good models of site-specific motion patterns. Maps of Dynamics (MoDs) provide such models by encoding statistical motion patterns in a map, but existing representations use discrete spatial sampling and typically require costly offline construction. We propose a continuous spatio-temporal MoD representation based on implicit neural functions that directly map coordinates to the parameters of a Semi-Wrapped Gaussian Mixture Model. This removes the need for discretization and imputation for unevenly sampled regions, enabling smooth generalization across both space and time. Evaluated on a large public dataset with long-term real-world people tracking data, our method achieves better accuracy of motion representation and smoother velocity distributions in sparse regions while still being computationally efficient, compared to available baselines. The proposed approach demonstrates a powerful and efficient way of modeling complex human motion patterns.",
					Year:       2025,
					Authors:    []string{"Yufei Zhu", "Shih-Min Yang", "Andrey Rudenko", "Tomasz P. Kucner", "Achim J. Lilienthal", "Martin Magnusson"},
					URL:        "https://arxiv.org/abs/2510.14827",
					Categories: []string{"cs.RO"},
					Source:     ArXivAtomSource,
				},
			},
		},
		{
			file: "arxiv_atom/joe-antognini_zoia_arxiv_response.xml",
			want: []*Paper{
				{
					ID: "1601.00001", ArXivID: "1601.00001",
					DOI:        "10.1063/1.4944470",
					Title:      "Inelastic effects in molecular transport junctions: The probe technique at high bias",
					Abstract:   "We extend the Landauer-B\\\"uttiker probe formalism for conductances to the high bias regime, and study the effects of environmentally-induced elastic and inelastic scattering on charge current in single molecule junctions, focusing on high-bias effects. The probe technique phenomenologically incorporates incoherent elastic and inelastic effects to the fully coherent case, mimicking a rich physical environment at trivial cost. We further identify environmentally-induced mechanisms which generate an asymmetry in the current, manifested as a weak diode behavior. This rectifying behavior, found in two types of molecular junction models, is absent in the coherent-elastic limit, and is only active in the case with incoherent-inelastic scattering. Our work illustrates that in the low bias - linear response regime, the commonly used \"dephasing probe\" (mimicking only elastic decoherence effects) operates nearly indistinguishably from a \"voltage probe\" (admitting inelastic-dissipative effects). However, these probes realize fundamentally distinct $I$-$V$ characteristics at high biases, reflecting the central roles of dissipation and inelastic scattering processes on molecular electronic transport far-from-equilibrium.",
					Year:       2015,
					Authors:    []string{"Michael Kilgour", "Dvira Segal"},
					URL:        "https://arxiv.org/abs/1601.00001",
					Categories: []string{"cond-mat.mes-hall"},
					Source:     ArXivAtomSource,
				},
			},
		},
		{file: "arxiv_atom/james-akl_xiv_arxiv_empty.xml"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			got := readSample(t, samplePath(tt.file), ArXivAtomSource)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("papers differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBibTeXSample(t *testing.T) {
	// The abstracts' LaTeX: \% is %, \textit{the Pile} is the Pile, -- is
	// an en dash; the titles' double braces go.
	want := []*Paper{
		{
			ArXivID:  "1910.09700",
			Title:    "Quantifying the Carbon Emissions of Machine Learning",
			Abstract: "From an environmental standpoint, there are a few crucial aspects of training a neural network that have a major impact on the quantity of carbon that it emits. These factors include: the location of the server used for training and the energy grid that it uses, the length of the training procedure, and even the make and model of hardware on which the training takes place. In order to approximate these emissions, we present our Machine Learning Emissions Calculator, a tool for our community to better understand the environmental impact of training ML models. We accompany this tool with an explanation of the factors cited above, as well as concrete actions that individual practitioners and organizations can take to mitigate their carbon emissions.",
			Year:     2019,
			Authors:  []string{"Alexandre Lacoste", "Alexandra Luccioni", "Victor Schmidt", "Thomas Dandres"},
			URL:      "https://arxiv.org/abs/1910.09700",
			Source:   BibTeXSource,
		},
		{
			ArXivID:  "1606.05250",
			DOI:      "10.18653/V1/D16-1264",
			Title:    "SQuAD: 100,000+ Questions for Machine Comprehension of Text",
			Abstract: "We present the Stanford Question Answering Dataset (SQuAD), a new reading comprehension dataset consisting of 100,000+ questions posed by crowdworkers on a set of Wikipedia articles, where the answer to each question is a segment of text from the corresponding reading passage. We analyze the dataset to understand the types of reasoning required to answer the questions, leaning heavily on dependency and constituency trees. We build a strong logistic regression model, which achieves an F1 score of 51.0%, a significant improvement over a simple baseline (20%). However, human performance (86.8%) is much higher, indicating that the dataset presents a good challenge problem for future research. The dataset is freely available at https://stanford-qa.com",
			Year:     2016,
			Authors:  []string{"Pranav Rajpurkar", "Jian Zhang", "Konstantin Lopyrev", "Percy Liang"},
			URL:      "https://arxiv.org/abs/1606.05250",
			Source:   BibTeXSource,
		},
		{
			ArXivID:  "2101.00027",
			Title:    "The Pile: An 800GB Dataset of Diverse Text for Language Modeling",
			Abstract: "Recent work has demonstrated that increased training dataset diversity improves general cross-domain knowledge and downstream generalization capability for large-scale language models. With this in mind, we present the Pile: an 825 GiB English text corpus targeted at training large-scale language models. The Pile is constructed from 22 diverse high-quality subsets – both existing and newly constructed – many of which derive from academic or professional sources. Our evaluation of the untuned performance of GPT-2 and GPT-3 on the Pile shows that these models struggle on many of its components, such as academic writing. Conversely, models trained on the Pile improve significantly over both Raw CC and CC-100 on all components of the Pile, while improving performance on downstream evaluations. Through an in-depth exploratory analysis, we document potentially concerning aspects of the data for prospective users. We make publicly available the code used in its construction.",
			Year:     2020,
			Authors:  []string{"Leo Gao", "Stella Biderman", "Sid Black", "Laurence Golding", "Travis Hoppe", "Charles Foster", "Jason Phang", "Horace He", "Anish Thite", "Noa Nabeshima", "Shawn Presser", "Connor Leahy"},
			URL:      "https://arxiv.org/abs/2101.00027",
			Source:   BibTeXSource,
		},
		{
			ArXivID:  "2104.08836",
			Title:    "LayoutXLM: Multimodal Pre-training for Multilingual Visually-rich Document Understanding",
			Abstract: "Multimodal pre-training with text, layout, and image has achieved SOTA performance for visually-rich document understanding tasks recently, which demonstrates the great potential for joint learning across different modalities. In this paper, we present LayoutXLM, a multimodal pre-trained model for multilingual document understanding, which aims to bridge the language barriers for visually-rich document understanding. To accurately evaluate LayoutXLM, we also introduce a multilingual form understanding benchmark dataset named XFUND, which includes form understanding samples in 7 languages (Chinese, Japanese, Spanish, French, Italian, German, Portuguese), and key-value pairs are manually labeled for each language. Experiment results show that the LayoutXLM model has significantly outperformed the existing SOTA cross-lingual pre-trained models on the XFUND dataset. The pre-trained LayoutXLM model and the XFUND dataset are publicly available at https://aka.ms/layoutxlm.",
			Year:     2021,
			Authors:  []string{"Yiheng Xu", "Tengchao Lv", "Lei Cui", "Guoxin Wang", "Yijuan Lu", "Dinei Florencio", "Cha Zhang", "Furu Wei"},
			URL:      "https://arxiv.org/abs/2104.08836",
			Source:   BibTeXSource,
		},
		{
			ArXivID:  "1911.02116",
			DOI:      "10.18653/V1/2020.ACL-MAIN.747",
			Title:    "Unsupervised Cross-lingual Representation Learning at Scale",
			Abstract: "This paper shows that pretraining multilingual language models at scale leads to significant performance gains for a wide range of cross-lingual transfer tasks. We train a Transformer-based masked language model on one hundred languages, using more than two terabytes of filtered CommonCrawl data. Our model, dubbed XLM-R, significantly outperforms multilingual BERT (mBERT) on a variety of cross-lingual benchmarks, including +14.6% average accuracy on XNLI, +13% average F1 score on MLQA, and +2.4% F1 score on NER. XLM-R performs particularly well on low-resource languages, improving 15.7% in XNLI accuracy for Swahili and 11.4% for Urdu over previous XLM models. We also present a detailed empirical analysis of the key factors that are required to achieve these gains, including the trade-offs between (1) positive transfer and capacity dilution and (2) the performance of high and low resource languages at scale. Finally, we show, for the first time, the possibility of multilingual modeling without sacrificing per-language performance; XLM-R is very competitive with strong monolingual models on the GLUE and XNLI benchmarks. We will make our code, data and models publicly available.",
			Year:     2019,
			Authors:  []string{"Alexis Conneau", "Kartikay Khandelwal", "Naman Goyal", "Vishrav Chaudhary", "Guillaume Wenzek", "Francisco Guzmán", "Edouard Grave", "Myle Ott", "Luke Zettlemoyer", "Veselin Stoyanov"},
			URL:      "https://arxiv.org/abs/1911.02116",
			Source:   BibTeXSource,
		},
	}
	got := readSample(t, samplePath("bibtex/ottowg_generalizing-sciere-benchmarks_all_papers.excerpt.bib"), BibTeXSource)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("papers differ (-want +got):\n%s", diff)
	}
}

// risAbstracts returns the AB lines of a RIS file in order, cleaned: the
// samples write each abstract on one line.
func risAbstracts(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "AB  - "); ok {
			out = append(out, clean(rest))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// scopusRIS are the records of the Scopus RIS sample, less their
// abstracts.
var scopusRIS = []*Paper{
	{
		ID:      "2-s2.0-85074596690",
		DOI:     "10.1016/j.psyneuen.2019.104501",
		Title:   "Stress and the brain-gut axis in functional and chronic-inflammatory gastrointestinal diseases: A transdisciplinary challenge",
		Year:    2020,
		Authors: []string{"A. Labanski", "J. Langhorst", "H. Engler", "S. Elsenbruch"},
		URL:     "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85074596690&doi=10.1016%2fj.psyneuen.2019.104501&partnerID=40&md5=a22a980b0c8e033a036830f360e7b895",
	},
	{
		ID:      "2-s2.0-85070226738",
		DOI:     "10.1016/j.mehy.2019.109324",
		Title:   "Hypothesis: Mechanism of irritable bowel syndrome in inflammatory bowel disease",
		Year:    2019,
		Authors: []string{"Y. Uno"},
		URL:     "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85070226738&doi=10.1016%2fj.mehy.2019.109324&partnerID=40&md5=a74ba3687adb012f329ac85d675ee253",
	},
	{
		DOI:     "10.1016/j.jpsychores.2019.109836",
		Title:   "Does symptom activity explain psychological differences in patients with irritable bowel syndrome and inflammatory bowel disease? Results from a multi-center cross-sectional study",
		Year:    2019,
		Authors: []string{"S. Berens", "R. Schaefert", "D. Baumeister", "A. Gauss", "W. Eich", "J. Tesarz"},
	},
	{
		ID:      "2-s2.0-85072655092",
		DOI:     "10.1016/j.yebeh.2019.106490",
		Title:   "Self-compassion and adjustment in epilepsy and psychogenic nonepileptic seizures",
		Year:    2019,
		Authors: []string{"S. Clegg", "F. Sirois", "M. Reuber"},
		URL:     "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85072655092&doi=10.1016%2fj.yebeh.2019.106490&partnerID=40&md5=47892045654d5863a254655d273632cf",
	},
	{
		ID:      "2-s2.0-85072048782",
		DOI:     "10.1080/19490976.2018.1562268",
		Title:   "Exercise influence on the microbiome–gut–brain axis",
		Year:    2019,
		Authors: []string{"A. Dalton", "C. Mermier", "M. Zuhl"},
		URL:     "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85072048782&doi=10.1080%2f19490976.2018.1562268&partnerID=40&md5=4c7474600eb607ef1a553797dfab8352",
	},
	{
		ID:      "2-s2.0-85068558935",
		DOI:     "10.1136/gutjnl-2019-318308",
		Title:   "Role of brain imaging in disorders of brain-gut interaction: A Rome Working Team Report",
		Year:    2019,
		Authors: []string{"E.A. Mayer", "J. Labus", "Q. Aziz", "I. Tracey", "L. Kilpatrick", "S. Elsenbruch", "P. Schweinhardt", "L. Van Oudenhove", "D. Borsook"},
		URL:     "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85068558935&doi=10.1136%2fgutjnl-2019-318308&partnerID=40&md5=93555339c7f7a251293a3e3cc5c51854",
	},
}

func TestRISSamples(t *testing.T) {
	tests := []struct {
		file string
		want []*Paper // without abstracts and Source
	}{
		{"ris/asreview_scopus.ris", scopusRIS},
		{"ris/asreview_pubmed_zotero.ris", []*Paper{
			{
				DOI:     "10.5114/pg.2018.81081",
				Title:   "The importance of cognitive flexibility and flexibility in coping with stress for the quality of life in inflammatory bowel disease patients during biological therapy. A preliminary report.",
				Year:    2019,
				Authors: []string{"Agata Rudnik", "Grazyna Piotrowicz", "Malgorzata A. Basinska", "Vahid Rashedi"},
			},
			{
				DOI:     "10.1007/s10151-019-02080-0",
				Title:   "Outcomes of inflammatory bowel disease surgery in obese versus non-obese patients: a meta-analysis.",
				Year:    2019,
				Authors: []string{"G. Hicks", "A. Abdulaal", "A. A. P. Slesser", "Y. Mohsen"},
			},
			{
				DOI:     "10.1097/MD.0000000000016881",
				Title:   "Traditional Chinese medicine for mild-to-moderate ulcerative colitis: Protocol for a network meta-analysis of randomized controlled trials.",
				Year:    2019,
				Authors: []string{"Zhaofeng Shen", "Qing Zhou", "Yingjun Ni", "Weiming He", "Hong Shen", "Lei Zhu"},
			},
			{
				DOI:     "10.2196/14432",
				Title:   "Mindfulness-Based Cognitive Therapy Experiences in Youth With Inflammatory Bowel Disease and Depression: Protocol for a Mixed Methods Qualitative Study.",
				Year:    2019,
				Authors: []string{"Tatjana Ewais", "Jakob Begun", "Maura Kenny", "Alan Headey", "Steve Kisely"},
			},
			{
				DOI:     "10.1186/s12876-019-1034-9",
				Title:   "Structured physical activity interventions as a complementary therapy for patients with inflammatory bowel disease - a scoping review and practical implications.",
				Year:    2019,
				Authors: []string{"Katharina G. Eckert", "Isabelle Abbasi-Neureither", "Maximilian Koppel", "Gerhard Huber"},
			},
			{
				DOI:     "10.1097/MD.0000000000016231",
				Title:   "Efficacy and safety of Tripterygium wilfordii Hook F preparations for the treatment of Crohn disease: A systemic review and meta-analysis protocol.",
				Year:    2019,
				Authors: []string{"Jianying Zhang", "Gang Han", "Zhenwei Yu"},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			path := samplePath(tt.file)
			abstracts := risAbstracts(t, path)
			if len(abstracts) != len(tt.want) {
				t.Fatalf("%d abstracts in the file, want %d", len(abstracts), len(tt.want))
			}
			var want []*Paper
			for i, p := range tt.want {
				q := *p
				q.Abstract, q.Source = abstracts[i], RISSource
				want = append(want, &q)
			}
			got := readSample(t, path, RISSource)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("papers differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCSVSamples(t *testing.T) {
	t.Run("Embase export", func(t *testing.T) {
		want := []*Paper{
			{
				DOI:      "10.4103/2303-9027.138783",
				Title:    "Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound",
				Abstract: "Gastrointestinal tract duplication cysts are rare congenital gastrointestinal malformation in young patients and adults. They consist of foregut duplication cysts, small bowel duplication cysts, and large bowel duplication cysts. Endoscopic ultrasound (EUS) has been widely used as a modality for the evaluation and diagnosis of duplication cysts. EUS is the diagnostic tool of choice to investigate duplication cysts since it can distinguish between solid and cystic lesions. The question of whether or not to perform EUS-fine needle aspiration (EUS-FNA) on a lesion suspected of being a duplication cyst is controversial as these lesions can become infected with significant consequences, although EUS-FNA is often required to obtain a definitive diagnosis and to rule out more ominous lesions. This manuscript will review the literature on duplication cysts throughout the body and will also focus on the role of EUS and FNA with regards to these lesions.",
				Authors:  []string{"Liu R.", "Adler D.G."},
				Source:   CSVSource,
			},
			{
				DOI:      "10.1002/cncr.20369",
				Title:    "Endoscopic ultrasound-guided fine-needle aspiration in the diagnosis of foregut duplication cysts: The value of demonstrating detached ciliary tufts in cyst fluid",
				Abstract: "BACKGROUND. The management of foregut duplication cysts is controversial, especially in asymptomatic patients. The safety and accuracy of endoscopic ultrasound (EUS) and EUS-fine-needle aspiration EUS-FNA) in confirming the nature of cysts by using electron microscopy (EM) has not been reported. In this study, the authors describe the utility of demonstrating detached ciliary tufts (DCTs) in the diagnosis of foregut duplication cysts with EUS-FNA. METHODS. Consecutive patients with suspected mediastinal masses or mediastinal cysts on imaging studies were evaluated prospectively by EUS and EUS-FNA. Cyst fluid was examined by routine cytologic techniques. In two patients, EM was performed to confirm the nature of DCTs. RESULTS. Ten consecutive patients were evaluated with EUS and EUS-FNA. Seventy percent of the cysts were characterized by computed tomography (CT) scans as solid masses. The mean greatest cyst dimension measured 34 mm × 48 mm by EUS. Microscopic examination of the cyst content revealed mucinous material, cellular debris, and DCTs. The latter were seen in routine cytologic preparations and by EM. Patients were followed up to a median of 321 days. Due to EUS-FNA confirmatory diagnoses of foregut duplication cysts, none of the patients except 1 underwent surgical resection after developing pneumonia 6 months later. Histologic sections of the resected specimen confirmed the presence of (foregut cyst, bronchogenic type). All other patients were asymptomatic. Cysts size and nature did not change on repeated imaging studies. CONCLUSIONS. EUS was superior compared with CT scanning in characterizing foregut duplication cysts. EUS-FNA is safe and accurate in the diagnosis of foregut duplication cysts. The demonstration of DCTs in cyst fluid and the absence of malignant cells confirmed the benign nature of these lesions, allowing conservative and expectant management for these patients. © 2004 American Cancer Society.",
				Authors:  []string{"Eloubeidi M.A.", "Cohn M.", "Cerfolio R.J.", "Chhieng D.C.", "Jhala N.", "Jhala D.", "Eltoum I.A."},
				Source:   CSVSource,
			},
		}
		got := readSample(t, samplePath("csv/asreview_embase.excerpt.csv"), CSVSource)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("papers differ (-want +got):\n%s", diff)
		}
	})
	t.Run("Scopus layout", func(t *testing.T) {
		// The same records as the Scopus RIS sample, with authors written
		// "Labanski A.".
		abstracts := risAbstracts(t, samplePath("ris/asreview_scopus.ris"))
		var want []*Paper
		for i, p := range scopusRIS {
			q := *p
			q.Abstract, q.Source = abstracts[i], CSVSource
			q.Authors = nil
			for _, a := range p.Authors {
				first, last, _ := strings.Cut(a, " ")
				q.Authors = append(q.Authors, last+" "+first)
			}
			want = append(want, &q)
		}
		got := readSample(t, filepath.Join("testdata", "scopus-export.csv"), CSVSource)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("papers differ (-want +got):\n%s", diff)
		}
	})
}

// decodeSample decodes a JSON sample generically, as the oracle the JSON
// readers are checked against.
func decodeSample(t *testing.T, name string) any {
	t.Helper()
	data, err := os.ReadFile(samplePath(name))
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

type object = map[string]any

func str(v any) string { s, _ := v.(string); return s }

func TestOpenAlexSample(t *testing.T) {
	doc := decodeSample(t, "openalex/hfl112_paper-extract_openalex_works.json")
	var want []*Paper
	for _, w := range doc.(object)["results"].([]any) {
		work := w.(object)
		if work["abstract_inverted_index"] != nil {
			t.Fatal("the sample's abstracts were null")
		}
		var authors []string
		for _, a := range work["authorships"].([]any) {
			authors = append(authors, str(a.(object)["author"].(object)["display_name"]))
		}
		var refs []string
		for _, r := range work["referenced_works"].([]any) {
			refs = append(refs, strings.TrimPrefix(str(r), "https://openalex.org/"))
		}
		want = append(want, &Paper{
			ID:    strings.TrimPrefix(str(work["id"]), "https://openalex.org/"),
			DOI:   strings.TrimPrefix(str(work["doi"]), "https://doi.org/"),
			Title: str(work["title"]), Year: int(work["publication_year"].(float64)),
			Authors: authors, URL: str(work["id"]), Source: OpenAlexSource, References: refs,
		})
	}
	got := readSample(t, samplePath("openalex/hfl112_paper-extract_openalex_works.json"), OpenAlexSource)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("papers differ (-want +got):\n%s", diff)
	}
	// Chosen figures, should the oracle above go wrong with the reader.
	if len(got) != 3 || got[0].ID != "W3161425918" || got[0].DOI != "10.1038/s41586-021-03534-y" ||
		got[0].Year != 2021 || len(got[0].Authors) != 42 || len(got[0].References) != 59 || got[0].Abstract != "" ||
		len(got[1].References) != 453 || len(got[2].References) != 60 {
		t.Errorf("chosen figures differ: %d papers, first %+v", len(got), got[0])
	}
}

func TestHFDailySample(t *testing.T) {
	doc := decodeSample(t, "hf_daily_papers/lucas-m-lopes_sotawhat_hf_daily_papers.json")
	var want []*Paper
	for _, it := range doc.([]any) {
		paper := it.(object)["paper"].(object)
		var authors []string
		for _, a := range paper["authors"].([]any) {
			authors = append(authors, str(a.(object)["name"]))
		}
		id := str(paper["id"])
		want = append(want, &Paper{
			ID: id, ArXivID: id, Title: clean(str(paper["title"])), Abstract: clean(str(paper["summary"])),
			Year: 2026, Authors: authors, URL: "https://arxiv.org/abs/" + id, Source: HFDailySource,
		})
		if !strings.HasPrefix(str(paper["publishedAt"]), "2026-") {
			t.Fatalf("paper %s published %s, not in 2026", id, paper["publishedAt"])
		}
	}
	got := readSample(t, samplePath("hf_daily_papers/lucas-m-lopes_sotawhat_hf_daily_papers.json"), HFDailySource)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("papers differ (-want +got):\n%s", diff)
	}
	if len(got) != 30 || got[0].ArXivID != "2606.00467" || got[29].ArXivID != "2606.13106" {
		t.Errorf("read %d papers, want 30 from 2606.00467 to 2606.13106", len(got))
	}
}

func TestSemanticScholarSample(t *testing.T) {
	const file = "semantic_scholar/danielnsilva_semanticscholar_Paper.json"
	doc := decodeSample(t, file).(object)
	s2 := func(v any) *Paper {
		o := v.(object)
		ext, _ := o["externalIds"].(object)
		var authors []string
		for _, a := range o["authors"].([]any) {
			authors = append(authors, str(a.(object)["name"]))
		}
		year, _ := o["year"].(float64)
		return &Paper{
			ID: str(o["paperId"]), ArXivID: str(ext["ArXiv"]), DOI: str(ext["DOI"]), Title: clean(str(o["title"])),
			Abstract: clean(str(o["abstract"])), Year: int(year), Authors: authors,
			URL: str(o["url"]), Source: SemanticScholarSource,
		}
	}
	main := s2(doc)
	want := []*Paper{main}
	unmatched := 0
	for _, r := range doc["references"].([]any) {
		if r.(object)["paperId"] == nil {
			unmatched++
			continue
		}
		q := s2(r)
		main.References = append(main.References, q.ID)
		want = append(want, q)
	}
	for _, c := range doc["citations"].([]any) {
		q := s2(c)
		q.References = []string{main.ID}
		want = append(want, q)
	}
	got := readSample(t, samplePath(file), SemanticScholarSource)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("papers differ (-want +got):\n%s", diff)
	}

	// The figures, counted independently of the oracle above: the paper,
	// its 8 references with a paperId and its 1,000 citations; the 6
	// references without a paperId are skipped.
	ids := make(map[string]bool)
	cites := 0
	for _, p := range got {
		ids[p.ID] = true
		if len(p.References) == 1 && p.References[0] == "2d5673caa9e6af3a7b82a43f19ee920992db07ad" {
			cites++
		}
	}
	if len(got) != 1009 || len(ids) != 1009 || unmatched != 6 || cites != 1000 || len(got[0].References) != 8 {
		t.Errorf("read %d papers (%d ids), %d citing the paper, %d references; want 1009, 1000 and 8 (%d unmatched)",
			len(got), len(ids), cites, len(got[0].References), unmatched)
	}
	if p := got[0]; p.ID != "2d5673caa9e6af3a7b82a43f19ee920992db07ad" || p.Title != "Computing Machinery and Intelligence" ||
		p.Year != 1950 || p.DOI != "10.1093/MIND/LIX.236.433" || p.PID() != "10.1093/mind/lix.236.433" ||
		!strings.HasPrefix(p.Abstract, "I propose to consider the question, “Can machines think?”") {
		t.Errorf("first paper %+v", p)
	}
	// Every edge names a paper of the input, so the store can resolve it.
	for _, p := range got {
		for _, ref := range p.References {
			if !ids[ref] {
				t.Errorf("%s cites %s, which the input does not hold", p.ID, ref)
			}
		}
	}
}

func TestSniffSamples(t *testing.T) {
	tests := []struct {
		file   string
		format string
	}{
		{"arxiv_atom/james-akl_xiv_arxiv_response.xml", ArXivAtomSource},
		{"arxiv_atom/james-akl_xiv_arxiv_empty.xml", ArXivAtomSource},
		{"arxiv_atom/joe-antognini_zoia_arxiv_response.xml", ArXivAtomSource},
		{"openalex/hfl112_paper-extract_openalex_works.json", OpenAlexSource},
		{"semantic_scholar/danielnsilva_semanticscholar_Paper.json", SemanticScholarSource},
		{"hf_daily_papers/lucas-m-lopes_sotawhat_hf_daily_papers.json", HFDailySource},
		{"ris/asreview_scopus.ris", RISSource},
		{"ris/asreview_pubmed_zotero.ris", RISSource},
		{"bibtex/ottowg_generalizing-sciere-benchmarks_all_papers.excerpt.bib", BibTeXSource},
		{"csv/asreview_embase.excerpt.csv", CSVSource},
		{"../scopus-export.csv", CSVSource},
		{"../openalex-snapshot.jsonl", OpenAlexSource},
		{"../s2-excerpt.json", SemanticScholarSource},
		{"../hf-daily-excerpt.json", HFDailySource},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			data, err := os.ReadFile(samplePath(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			// The content decides, whatever the name says.
			for _, name := range []string{filepath.Base(tt.file), "-", "listing.txt", "listing.json"} {
				for _, in := range [][]byte{data, gzipped(t, data)} {
					r, format, err := NewReader(bytes.NewReader(in), name, "auto")
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if format != tt.format {
						t.Errorf("%s (%d bytes): format %q, want %q", name, len(in), format, tt.format)
					}
					if _, err := r.Read(); err != nil && err.Error() != "EOF" {
						t.Errorf("%s: first Read: %v", name, err)
					}
				}
			}
			// Forced by name, the format reads the file too.
			f, err := Open(samplePath(tt.file), tt.format)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if f.Format() != tt.format {
				t.Errorf("forced: format %q, want %q", f.Format(), tt.format)
			}
			for _, r := range readAll(t, f, 5000) {
				if r.Err != nil {
					t.Errorf("forced: %v", r.Err)
				}
			}
		})
	}
}

// TestSamePIDAcrossFormats reads one arXiv paper, 2510.14968, as each
// format writes it: every record must give the PID of the arXiv Atom
// sample's and the same normalised title, so the store keeps one paper.
func TestSamePIDAcrossFormats(t *testing.T) {
	atom := readSample(t, samplePath("arxiv_atom/james-akl_xiv_arxiv_response.xml"), ArXivAtomSource)[0]
	const title = "RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks"
	if atom.PID() != "2510.14968" || atom.Title != title {
		t.Fatalf("Atom sample: PID %q, title %q", atom.PID(), atom.Title)
	}
	openalex, err := os.ReadFile(filepath.Join("testdata", "openalex-snapshot.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, format, input string
	}{
		{"OpenAlex snapshot", OpenAlexSource, string(openalex)},
		{"BibTeX eprint", BibTeXSource, `@misc{yan2025rdd,
  title = {{RDD}: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks},
  author = {Yan, Mingxuan and Wang, Yuping and Liu, Zechun and Li, Jiachen},
  year = {2025},
  eprint = {2510.14968},
  archivePrefix = {arXiv},
  primaryClass = {cs.RO}
}`},
		{"BibTeX arXiv DOI", BibTeXSource, `@article{x, title = "RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks", doi = {10.48550/arXiv.2510.14968}}`},
		{"Semantic Scholar", SemanticScholarSource, `{"paperId": "0123456789abcdef0123456789abcdef01234567", "externalIds": {"ArXiv": "2510.14968", "DOI": "10.48550/arXiv.2510.14968"}, "title": "RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks", "year": 2025}`},
		{"Hugging Face", HFDailySource, `[{"paper": {"id": "2510.14968", "title": "RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks", "publishedAt": "2025-10-16T17:59:37.000Z"}, "numComments": 0}]`},
		{"RIS", RISSource, "TY  - GEN\nTI  - RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks\nUR  - http://arxiv.org/abs/2510.14968v1\nER  - \n"},
		{"CSV", CSVSource, "title,arxiv_id,year\n\"RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks\",2510.14968v1,2025\n"},
		{"JSON Lines", JSONLSource, `{"id": "2510.14968", "title": "RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks"}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, format, err := NewReader(strings.NewReader(tt.input), "-", "auto")
			if err != nil {
				t.Fatal(err)
			}
			if format != tt.format {
				t.Errorf("format %q, want %q", format, tt.format)
			}
			p := papers(t, readAll(t, r, 10))[0]
			if p.PID() != atom.PID() || p.ArXivID != atom.ArXivID || NormalizeTitle(p.Title) != NormalizeTitle(atom.Title) {
				t.Errorf("PID %q, arXiv id %q, title %q; want %q, %q, %q", p.PID(), p.ArXivID, p.Title, atom.PID(), atom.ArXivID, atom.Title)
			}
		})
	}
	t.Run("OpenAlex abstract", func(t *testing.T) {
		// The inverted index rebuilds the abstract arXiv gives.
		r, _, err := NewReader(bytes.NewReader(openalex), "-", OpenAlexSource)
		if err != nil {
			t.Fatal(err)
		}
		got := papers(t, readAll(t, r, 10))
		want := &Paper{
			ID: "W4403000001", ArXivID: "2510.14968", DOI: "10.48550/arxiv.2510.14968",
			Title: atom.Title, Abstract: atom.Abstract, Year: 2025, Authors: atom.Authors,
			URL: "https://openalex.org/W4403000001", Source: OpenAlexSource,
			References: []string{"W2194775991", "W3161425918"},
		}
		if diff := cmp.Diff(want, got[0]); diff != "" {
			t.Errorf("paper differs (-want +got):\n%s", diff)
		}
		if len(got) != 2 || got[1].ID != "W2066783444" || got[1].Abstract != "" || got[1].Year != 2015 {
			t.Errorf("second work: %+v", got[1:])
		}
	})
	t.Run("Scopus RIS and CSV", func(t *testing.T) {
		ris := readSample(t, samplePath("ris/asreview_scopus.ris"), RISSource)
		csv := readSample(t, filepath.Join("testdata", "scopus-export.csv"), CSVSource)
		if len(ris) != len(csv) {
			t.Fatalf("%d RIS records, %d CSV rows", len(ris), len(csv))
		}
		opt := cmpopts.IgnoreFields(Paper{}, "Authors", "Source")
		for i := range ris {
			if ris[i].PID() != csv[i].PID() || !strings.HasPrefix(ris[i].PID(), "10.") {
				t.Errorf("record %d: PIDs %q and %q", i+1, ris[i].PID(), csv[i].PID())
			}
			if diff := cmp.Diff(ris[i], csv[i], opt); diff != "" {
				t.Errorf("record %d differs (-RIS +CSV):\n%s", i+1, diff)
			}
		}
	})
}
