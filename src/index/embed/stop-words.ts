/**
 * English stop words for the built-in embedder: the function words of the Glasgow list (the
 * basis of scikit-learn's list) without its content words such as "system", "interest",
 * "fire" or "bill", which carry meaning in paper abstracts, plus abbreviations common in
 * abstracts ("et al.", "e.g.", "i.e."). Corpus-specific filler words ("paper", "propose")
 * are left to the model's max-df cut.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(`
a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anyhow anyone anything anyway anywhere are around as at be became because
become becomes becoming been before beforehand behind being below beside besides between beyond both but by
can cannot cant could couldnt did didnt do does doesnt doing done dont down due during each either else
elsewhere enough etc even ever every everyone everything everywhere except few for former formerly from further
had has hasnt have having he hence her here hereafter hereby herein hereupon hers herself him himself his how
however i if in inc indeed into is isnt it its itself just latter latterly least less ltd many may me meanwhile
might mine more moreover most mostly much must my myself namely neither never nevertheless no nobody none noone
nor not nothing now nowhere of off often on once only onto or other others otherwise our ours ourselves out over
own per perhaps quite rather re same shall she should since so some somehow someone something sometime sometimes
somewhere still such than that the their theirs them themselves then thence there thereafter thereby therefore
therein thereupon these they this those though through throughout thru thus to together too toward towards under
until up upon us very via was wasnt we were what whatever when whence whenever where whereafter whereas whereby
wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within without
would yet you your yours yourself yourselves
al cf eg et ie vs wrt
`.split(/\s+/).filter(Boolean));
