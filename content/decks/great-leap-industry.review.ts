// The hand review of the deck imported from the teacher's Great Leap Forward plan
// (content/plans/great-leap-industry.txt, a copy of ../shared/seeds/000_f01fcd6bcdd76451.txt).
// Every card was read against the plan. What the review does, and why:
// - Student text: short (a line or two on a laptop), true to the plan, with the plan's slips fixed
//   ("100 acre side" → site, "when directly to the state" → went, "attempt to attempt to",
//   "Great leap Forward", "between1960-61").
// - Cuts long evidence into one fact per card (the experts paragraph gives four), so a hand offers a choice.
// - Gives the Partial-success team what the plan honestly concedes: a Point for each theme whose
//   However or Link concedes something (output, furnaces' propaganda value, SOEs' social benefits),
//   and moves the Conclusion's "initial expansion up to 1960" / "fell sharply in 1960–61" to the
//   output theme as evidence, where they are played.
// - Gives the Failure team a Point for the prestige theme from paragraph 5's However ("vanity projects").
// - Sets relations the importer could not see (e.g. the vanity-projects counter answers both projects).
// Regenerate the shipped JSON with:
//   npm run deck -- content/plans/great-leap-industry.txt --review great-leap-industry --json > content/decks/great-leap-industry.json
import type { DeckReview } from "../review";

export const greatLeapIndustryReview: DeckReview = {
  options: {
    themeTitles: {
      1: "Output",
      2: "Experts and planning",
      3: "Communes and backyard furnaces",
      4: "State-owned enterprises",
      5: "Prestige projects",
    },
  },
  edit: {
    // Introduction
    "intro-scene": {
      text: "Encouraged by the first five-year plan's successes, Mao launched his second plan, the Great Leap Forward, in 1958.",
    },
    "intro-scene-2": {
      text: "The GLF was a highly ambitious attempt to boost farming and industry at the same time.",
    },
    "intro-attack": {
      text: "The GLF was Mao's attempt to harness the energy of the masses and make China an industrial superpower almost overnight.",
    },
    "intro-outline": {
      text: "Overall the plan was a failure: it reversed many of the industrial gains of the first five-year plan.",
    },
    "intro-outline-2": {
      text: "The Great Leap Forward had some eye-catching successes, such as vast construction projects.",
    },

    // Paragraph 1: output (unlabelled in the plan)
    "p1-point": { text: "Industrial output fell sharply during the Great Leap Forward." },
    "p1-evidence-1": {
      text: "By 1962 China made only half the heavy industrial goods and three-quarters of the light goods it made in 1958.",
    },
    "p1-evidence-2": {
      text: "Coal and steel production rose in the first two years of the Great Leap Forward.",
      supports: ["p1-counter", "p1-counter-point"],
    },
    "p1-explanation": {
      text: "China had manpower but lacked skills, management know-how, good factories and transport, so could not meet Mao's promises.",
    },
    "p1-counter": {
      text: "Yet some of the figures were still impressive, given how little industry China started with.",
    },
    "p1-link": {
      text: "Nevertheless, the plan as a whole never laid the basis of a modern industrial economy.",
    },
    "p1-link-counter": {
      text: "Whatever the figures, the plan as a whole never laid the basis of a modern industrial economy.",
      rebuts: ["p1-counter", "p1-counter-point", "p1-evidence-2", "concl-summarise-2"],
    },

    // Paragraph 2: experts and planning (its However is a gap)
    "p2-point": {
      text: "Mao would not hand industrial planning to experts, so industry could not meet his ambitious targets.",
    },
    "p2-evidence-1": {
      text: "Mao understood little about industry and believed mass manpower alone could industrialise China.",
    },
    "p2-evidence-2": {
      text: "Mao feared that a class of experts would cost him control of the revolution.",
    },
    "p2-evidence-3": {
      text: "Earlier Anti-Rightist campaigns had left no experts to give advice.",
      source:
        "Furthermore previous Anti-rightist campaigns meant there were no experts left to offer advice.",
    },
    "p2-explanation": {
      text: "Industry needed investment, technology and planning, but Mao rejected all three as 'revisionist'.",
    },
    "p2-link": {
      text: "As a result, industry could not build on the fairly impressive progress of the first five-year plan.",
    },

    // Paragraph 3: communes and backyard furnaces
    "p3-point": {
      text: "Using the communes to drive rural industry failed, and it did terrible damage to farming.",
    },
    "p3-evidence-1": {
      text: "Peasants were urged to set up small rural industries, most famously backyard furnaces to make steel.",
    },
    "p3-explanation": {
      text: "About a quarter of peasants left farming for the furnaces, which made unusable steel and strained food supplies.",
    },
    "p3-explanation-2": {
      text: "Woodland was cut down to fuel the furnaces, so the campaign harmed the countryside as well as the economy.",
    },
    "p3-explanation-3": {
      text: "Lost woodland meant faster soil erosion and worse floods, needing huge labour-intensive water schemes.",
    },
    "p3-counter": {
      text: "The furnace campaign had huge propaganda value for Mao's drive to get the economy 'walking on two legs'.",
    },
    "p3-link": {
      text: "Whatever its propaganda value, the furnace scheme helped cause the famine of 1958–62: a key industrial failure.",
    },
    "p3-link-counter": {
      text: "The furnace scheme helped cause the devastating famine of 1958–62, a key failure of the GLF.",
      rebuts: ["p3-counter", "p3-counter-point"],
    },

    // Paragraph 4: state-owned enterprises
    "p4-point": {
      text: "Putting industry under state control in state-owned enterprises (SOEs) did not make it more efficient.",
    },
    "p4-evidence-1": {
      text: "SOEs fitted the Communist idea of central control but did worse than expected in practice.",
      source:
        "In theory, the SOEs fulfilled the Communist notion of centrally controlled industry. However in reality they performed less well than anticipated.",
    },
    "p4-evidence-2": {
      text: "SOEs had no incentives: any surplus went straight to the state, so good management made no difference.",
      source:
        "SOEs were inefficient largely as a result of abandoning any incentives. It did not matter whether an SOE was efficiently managed or not since any surplus when directly to the state.",
    },
    "p4-explanation": {
      text: "With no reward for effort, managers and workers lost any motive to show initiative: all got the same pay.",
    },
    "p4-counter": {
      text: "SOEs gave workers housing, medical and educational benefits for their families, and an 'iron rice bowl' job for life.",
    },
    "p4-counter-evidence-1": {
      text: "SOEs gave workers accommodation, and medical and educational benefits for their families.",
      supports: ["p4-counter", "p4-counter-point"],
    },
    "p4-counter-evidence-2": {
      text: "Workers had an 'iron rice bowl': the Chinese term for a secure job for life.",
      supports: ["p4-counter", "p4-counter-point"],
    },
    "p4-link": {
      text: "Despite these social benefits, SOEs failed to make industry more efficient.",
    },
    "p4-link-counter": {
      text: "Whatever their social benefits, SOEs failed to make industry more efficient.",
      source:
        "Despite these social benefits for workers, the creation of SOEs during the GLF failed to improve industrial efficiency.",
      rebuts: ["p4-counter", "p4-counter-point", "p4-counter-evidence-1", "p4-counter-evidence-2"],
    },

    // Paragraph 5: prestige projects (argues the other side; its Link is a gap)
    "p5-point": {
      text: "Despite failures elsewhere, some industrial projects brought the regime real prestige.",
    },
    "p5-evidence-1": {
      text: "A 100-acre site in Beijing was cleared for Tiananmen Square, a showpiece completed within two years.",
    },
    "p5-evidence-2": {
      text: "China began a nuclear programme during the GLF, which led to a successful atomic bomb test in 1964.",
    },
    "p5-explanation": {
      text: "Both projects showed off China's growing industrial power.",
    },
    "p5-counter": {
      text: "They were little more than vanity projects: they could not hide that the GLF was a huge industrial failure.",
      rebuts: ["p5-point", "p5-evidence-1", "p5-evidence-2", "p5-explanation"],
    },

    // Conclusion
    "concl-signpost": {
      text: "In conclusion, the GLF in industry was a huge failure: due to run until 1963, it had fizzled out by 1961, most historians agree.",
    },
    "concl-summarise": {
      text: "Industrial production fell sharply in 1960–61.",
      kind: "evidence",
      theme: "output",
      supports: ["p1-point"],
    },
    "concl-summarise-2": {
      text: "Industrial production expanded at first, up to 1960.",
      kind: "evidence",
      theme: "output",
      supports: ["p1-counter", "p1-counter-point"],
      rebuts: ["p1-point"],
    },
    "concl-summarise-3": {
      text: "With no integrated plan to turn output into sellable goods, China could not become a modern industrial economy.",
    },
    "concl-summarise-4": {
      text: "Mao never understood that manpower alone could not achieve advanced industrialisation.",
    },
    "concl-significance": {
      text: "Overall, the GLF in industry was a huge personal failure for Mao and very damaging to China's economy.",
    },
    "concl-significance-2": {
      text: "Recovery began only under the more pragmatic Liu Shaoqi and Deng Xiaoping, in the Third Five-Year Plan (1962–65).",
    },
  },
  add: [
    {
      after: "p1-counter",
      id: "p1-counter-point",
      kind: "point",
      side: "success",
      theme: "output",
      text: "Judged from China's starting point, some of the GLF's industrial figures were impressive.",
      source: "some of the figures were still impressive especially given China's starting point",
      supports: [],
      rebuts: [],
      paragraph: 1,
      part: "however",
    },
    {
      after: "p2-evidence-3",
      id: "p2-evidence-4",
      kind: "evidence",
      side: "failure",
      theme: "experts-planning",
      text: "Soviet experts were withdrawn halfway through the GLF, after the Sino-Soviet split.",
      source:
        "This lack of expertise was exacerbated half way through the GLF with the withdrawal of Soviet experts following the Sino Soviet split.",
      supports: ["p2-point"],
      rebuts: [],
      paragraph: 2,
      part: "evidence",
    },
    {
      after: "p3-counter",
      id: "p3-counter-point",
      kind: "point",
      side: "success",
      theme: "communes-backyard-furnaces",
      text: "Even the backyard furnace campaign had undoubted propaganda value for Mao.",
      source: "the undoubted propaganda value of the campaign",
      supports: [],
      rebuts: [],
      paragraph: 3,
      part: "link",
    },
    {
      after: "p4-counter",
      id: "p4-counter-point",
      kind: "point",
      side: "success",
      theme: "state-owned-enterprises",
      text: "State-owned enterprises brought real social benefits for workers.",
      source: "these social benefits for workers",
      supports: [],
      rebuts: [],
      paragraph: 4,
      part: "link",
    },
    {
      after: "p5-counter",
      id: "p5-counter-point",
      kind: "point",
      side: "failure",
      theme: "prestige-projects",
      text: "The GLF's prestige projects were ultimately little more than vanity projects.",
      source: "they were ultimately little more than vanity projects",
      supports: [],
      rebuts: [],
      paragraph: 5,
      part: "however",
    },
  ],
};
