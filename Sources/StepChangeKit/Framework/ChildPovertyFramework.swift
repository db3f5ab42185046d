import Foundation

extension Framework {
    /// The built-in Child Poverty Self-Assessment.
    ///
    /// Local child poverty partnerships (councils, health boards and the third sector) score themselves
    /// on five development levels under four headings — understanding local need, using a wide range of
    /// policy levers, ways of working and understanding progress — and file resulting actions under the
    /// three drivers of child poverty plus the enablers that support them.
    public static let childPoverty: Framework = Framework(
        id: "child-poverty",
        title: "Child Poverty Self-Assessment",
        version: "1.0",
        description: "A self-assessment for local child poverty partnerships, built around four headings: understanding local need, using a wide range of policy levers, ways of working and understanding our progress. Partners score each statement together, talk through where their views differ, and use the results to agree a small number of joint actions that will make a real difference for families.",
        scale: Scale(
            levels: [
                ScaleLevel(
                    value: 1, label: "Not yet in place",
                    descriptor: "This is not happening yet, or happens only by chance."),
                ScaleLevel(
                    value: 2, label: "Early stages",
                    descriptor: "We have recognised the need and taken first steps, but what happens is patchy or depends on a few individuals."),
                ScaleLevel(
                    value: 3, label: "Developing",
                    descriptor: "Work is under way across several partners, but it is not yet consistent or routinely used to make decisions."),
                ScaleLevel(
                    value: 4, label: "Established",
                    descriptor: "This is in place across the partnership and used routinely, though we cannot yet show its full impact."),
                ScaleLevel(
                    value: 5, label: "Embedded and making a difference",
                    descriptor: "This is part of how all partners work, and we can show the difference it makes for families."),
            ],
            dontKnow: DontKnowOption()
        ),
        headings: [
            Heading(
                id: "LN",
                title: "Understanding Local Need",
                summary: "How well the partnership understands the scale, spread and causes of child poverty locally. How far that understanding is shared, up to date and shaped by families themselves.",
                items: [
                    Item(
                        id: "LN1",
                        prompt: "We have an up-to-date, shared picture of the scale of child poverty in our area and how it is spread across neighbourhoods.",
                        guidance: "Partners use the same recent figures and can see where child poverty is highest, down to neighbourhood or data zone level. The picture is refreshed at least once a year and is used to decide where to focus effort and resources. Everyone round the table would describe the local picture in broadly the same way.",
                        evidence: [
                            "A child poverty profile or needs assessment refreshed in the last year",
                            "Neighbourhood-level maps of children in low income families",
                            "Examples of resources targeted at the areas with the highest rates",
                        ]),
                    Item(
                        id: "LN2",
                        prompt: "We know which priority family groups are most affected by poverty in our area, how many of them there are and where they live.",
                        guidance: "The partnership understands how poverty affects the family groups at highest risk: lone parents, families with a disabled adult or child, families with three or more children, minority ethnic families, families whose youngest child is under one, and mothers aged under 25. It knows whether these families are reaching the support available. Gaps in this knowledge are recognised and being tackled.",
                        evidence: [
                            "Local data broken down by priority family group",
                            "Service take-up figures showing which groups are and are not being reached",
                            "Insight from third sector organisations that work with these groups",
                        ]),
                    Item(
                        id: "LN3",
                        prompt: "We understand how the three drivers of child poverty — income from employment, costs of living, and income from social security and benefits in kind — affect local families.",
                        guidance: "Partners can describe what is pushing local families into poverty under each driver, such as low pay or insecure hours, high housing or fuel costs, or benefits and grants that go unclaimed. This understanding is used to balance action across all three drivers rather than concentrating on the most familiar one. It is revisited as circumstances change, for example when living costs rise.",
                        evidence: [
                            "Analysis of local pay, employment and in-work poverty",
                            "Information on local housing, fuel, transport and childcare costs",
                            "Estimates of benefit take-up and unclaimed entitlements",
                            "An action plan mapped against the three drivers",
                        ]),
                    Item(
                        id: "LN4",
                        prompt: "What people with lived experience of poverty tell us genuinely shapes our understanding of local need.",
                        guidance: "Families, children and young people with experience of poverty have regular, meaningful ways to share their views, not just one-off consultations. What they tell us sits alongside the statistics and has visibly changed how partners understand the issues. Particular effort goes into hearing from groups who are seldom heard.",
                        evidence: [
                            "A map of where services already engage with families and how that insight is used",
                            "Examples where families' views changed the partnership's understanding or priorities",
                            "Findings from lived experience panels, focus groups or peer research",
                        ]),
                    Item(
                        id: "LN5",
                        prompt: "Partners share data routinely and lawfully, so that together we understand poverty at household, neighbourhood and area level.",
                        guidance: "Partners know what information they can share, on what legal basis and for what purpose, and data-sharing agreements are in place where they are needed. Uncertainty about data protection does not stop sharing that is legitimate and helpful. Data is combined to build a fuller picture than any one organisation could produce alone.",
                        evidence: [
                            "Signed data-sharing agreements or protocols",
                            "Examples of combined data from several partners used in planning",
                            "Advice from information governance leads on what can be shared",
                        ]),
                    Item(
                        id: "LN6",
                        prompt: "We understand how easy it is for families to find, reach and move between the support available locally.",
                        guidance: "The partnership has looked at the local system of support from a family's point of view: how they hear about help, where they first make contact and what happens when they need more than one service. Barriers such as stigma, travel costs, opening hours, digital access and having to repeat their story are understood. This insight is used to make support more accessible and intuitive.",
                        evidence: [
                            "Journey maps or case studies of families using several services",
                            "A map of referral routes between services",
                            "Feedback from families and frontline staff about barriers to getting help",
                        ]),
                ]),
            Heading(
                id: "PL",
                title: "Using a Wide Range of Policy Levers",
                summary: "How far the partnership uses all the levers available to it — work, living costs, income maximisation, spending power and prevention — and whether it uses them together.",
                items: [
                    Item(
                        id: "PL1",
                        prompt: "We help parents into fair, secure work and to progress once they are in work, tackling the practical barriers they face.",
                        guidance: "Employability support is designed around parents, including those in the priority family groups, and deals with barriers such as affordable and flexible childcare, transport, skills, confidence and health. Support carries on after a parent starts work, helping them to increase their hours and earnings. Local employers, including the partners themselves, are encouraged to offer fair pay and flexible jobs.",
                        evidence: [
                            "Numbers of parents supported into work and progressing in work",
                            "Links between employability, childcare and transport services",
                            "Fair work or real Living Wage commitments from local employers",
                        ]),
                    Item(
                        id: "PL2",
                        prompt: "We take deliberate action to reduce the costs families face, including housing, fuel and the cost of the school day.",
                        guidance: "Partners act on the biggest costs for families on low incomes, such as rent, energy, food, transport, childcare, and school costs like uniforms, trips and meals. Policies and services are poverty-proofed so that they do not add to families' costs or shut out those on low incomes. The partnership checks whether this action is easing the pressure on household budgets.",
                        evidence: [
                            "Cost of the school day or poverty-proofing reviews",
                            "Actions on fuel poverty and affordable housing",
                            "Take-up of free school meals, clothing grants or travel support",
                        ]),
                    Item(
                        id: "PL3",
                        prompt: "Staff in health, social work and education settings routinely ask families about money worries and actively refer them for income maximisation support.",
                        guidance: "Asking about money is a normal part of contact in settings such as midwifery, health visiting, social work, early years and schools. Referral is active: staff make the connection to advice services rather than handing over a leaflet, and families are followed up. The partnership knows how much extra income families have gained as a result.",
                        evidence: [
                            "Referral pathways from health, social work and education into advice services",
                            "Numbers of referrals and the financial gains for families",
                            "Staff guidance or training on routine enquiry",
                        ]),
                    Item(
                        id: "PL4",
                        prompt: "We use our spending power — procurement, commissioning, social value and our role as anchor institutions — to help tackle child poverty.",
                        guidance: "Large local employers and buyers, such as the council and health board, use their contracts and commissioning to create fair jobs, training and other benefits for families on low incomes. Social value commitments are monitored, not just promised. As employers, partners make their own jobs open to local parents and pay fairly.",
                        evidence: [
                            "Procurement or commissioning strategies that refer to child poverty",
                            "Social value clauses and reports on what they have delivered",
                            "Anchor institution commitments or data on local recruitment",
                        ]),
                    Item(
                        id: "PL5",
                        prompt: "Our action balances prevention with mitigation, and long-term change with the help families need now.",
                        guidance: "The partnership supports families in crisis, for example with food, fuel or hardship payments, while also investing in action that stops families falling into poverty in the first place. Crisis help is designed to lead on to longer-term support wherever possible. The balance between prevention and mitigation is discussed openly and reviewed.",
                        evidence: [
                            "An action plan that shows both preventative and crisis support",
                            "Budget information on spending across prevention and mitigation",
                            "Examples of crisis support linked to ongoing help",
                        ]),
                    Item(
                        id: "PL6",
                        prompt: "We use our different levers in a coordinated way that treats families with dignity.",
                        guidance: "Action under different levers is planned together, so that, for example, employability, advice and cost of living support reinforce each other rather than working in isolation. Families are treated with respect, offered choice and not made to feel ashamed for asking for help. Cash-first and other dignified approaches are used where they fit.",
                        evidence: [
                            "Joint planning of actions across services or drivers",
                            "Feedback from families about how they were treated",
                            "Policies on cash-first or dignified approaches to crisis support",
                        ]),
                ]),
            Heading(
                id: "WW",
                title: "Ways of Working",
                summary: "How the partnership leads, organises and resources its work. How far it involves the third sector and people with lived experience, and whether families experience joined-up support.",
                items: [
                    Item(
                        id: "WW1",
                        prompt: "There is clear leadership and ownership of our child poverty work, with visible commitment from senior leaders and elected members.",
                        guidance: "Everyone knows who leads the work, who owns each action and how decisions are made. Senior officers from all partners and elected members champion the work, take part in key meetings and hold each other to account. Child poverty is treated as everyone's business and is reflected in corporate and partner plans.",
                        evidence: [
                            "Terms of reference and membership of the child poverty group",
                            "Corporate or partner plans that include child poverty commitments",
                            "Minutes showing senior officer and elected member involvement",
                        ]),
                    Item(
                        id: "WW2",
                        prompt: "The third sector is involved at a strategic level, not only as a provider of services.",
                        guidance: "Third sector organisations sit on the strategic group and help to set priorities, bringing their links with communities and their knowledge of the priority family groups. Their insight into the barriers families face is sought out and valued. Funding and commissioning arrangements support their contribution rather than limiting it.",
                        evidence: [
                            "Third sector representation on the strategic group",
                            "Examples of priorities or actions shaped by third sector insight",
                            "Joint funding bids or shared projects with third sector partners",
                        ]),
                    Item(
                        id: "WW3",
                        prompt: "People with lived experience of poverty are involved in designing services and in the decisions that affect them.",
                        guidance: "Families, children and young people have a real part in designing, reviewing and deciding on actions, rather than being consulted at the end. Their involvement is properly supported, for example by covering costs, recognising their time and offering flexible ways to take part. They are told what difference their involvement has made.",
                        evidence: [
                            "A lived experience panel or sub-group and its remit",
                            "Examples of services redesigned with families",
                            "Feedback given to participants on what changed",
                        ]),
                    Item(
                        id: "WW4",
                        prompt: "Families receive holistic, wraparound support, with no wrong door and no silos between services.",
                        guidance: "Whichever service a family contacts first, they are helped or connected to the right support without having to tell their story again. Services work with the whole family, bringing together help with money, work, housing, health and childcare. Ways into support exist in everyday places such as schools, nurseries and GP practices.",
                        evidence: [
                            "Referral routes and shared assessment processes",
                            "Examples of whole-family or key worker approaches",
                            "Feedback from families on how easy it was to get joined-up help",
                        ]),
                    Item(
                        id: "WW5",
                        prompt: "Partners align or pool budgets and share resources such as staff, premises and expertise.",
                        guidance: "Partners look beyond their own organisations' budgets to plan how their combined resources can have the most impact. Where pooling money is not possible, budgets are aligned to shared priorities, and people, premises and expertise are shared. Funding opportunities are pursued together rather than in competition.",
                        evidence: [
                            "Examples of aligned or pooled funding",
                            "Shared posts, co-located teams or shared premises",
                            "Joint funding applications",
                        ]),
                    Item(
                        id: "WW6",
                        prompt: "Staff across partners understand child poverty, know what support is available and know when information can be shared.",
                        guidance: "Frontline staff and managers understand the causes and effects of poverty and the support available locally, so they can spot need and refer with confidence. Training covers poverty awareness, stigma, routine enquiry and when it is lawful and helpful to share information. Training is offered across partners, not only within single organisations.",
                        evidence: [
                            "Training programmes and numbers of staff trained",
                            "Staff survey results or feedback on confidence to refer",
                            "Guidance for staff on sharing information",
                        ]),
                ]),
            Heading(
                id: "UP",
                title: "Understanding Our Progress",
                summary: "How the partnership knows whether its work is making a difference for families, and how it is held to account and reports back to communities.",
                items: [
                    Item(
                        id: "UP1",
                        prompt: "We have shared short-, medium- and long-term outcomes that all partners are working towards.",
                        guidance: "The partnership has agreed a small number of outcomes for families, working back from the long-term outcome to what needs to change in the short and medium term. Each partner can see how its own work contributes. The outcomes are used to decide priorities and resources.",
                        evidence: [
                            "An outcome map or logic model agreed by partners",
                            "An action plan linked to short-, medium- and long-term outcomes",
                            "Partner plans that refer to the shared outcomes",
                        ]),
                    Item(
                        id: "UP2",
                        prompt: "We have a monitoring framework with clear indicators, baselines and targets.",
                        guidance: "For each outcome the partnership has chosen indicators, recorded where things stood at the start and set realistic targets, including for the priority family groups. Information is collected regularly and reviewed by the group. Monitoring covers the difference made for families, not just counts of activity.",
                        evidence: [
                            "A monitoring framework or performance dashboard",
                            "Baseline figures for the key indicators",
                            "Progress reports discussed at partnership meetings",
                        ]),
                    Item(
                        id: "UP3",
                        prompt: "We evaluate the impact of our services and interventions on households, including the priority family groups.",
                        guidance: "Partners go beyond counting activity to find out whether families are better off, for example through higher income, lower costs or improved wellbeing. Evaluation includes families' own views and looks at whether different groups benefit equally. Findings are used to improve, expand or stop interventions.",
                        evidence: [
                            "Evaluation reports on key interventions",
                            "Case studies and family feedback on outcomes",
                            "Examples of decisions changed as a result of evaluation",
                        ]),
                    Item(
                        id: "UP4",
                        prompt: "Our plan adds value beyond a compilation of activity that would have happened anyway.",
                        guidance: "The partnership can point to actions that are new, joint or done differently because of the plan. The annual report makes clear what is existing activity and what the partnership has added. Partners regularly ask whether they are doing enough and what more they could do together.",
                        evidence: [
                            "A list of new or joint actions arising from the plan",
                            "An annual report showing what has changed since last year",
                            "Examples of partners changing practice because of the plan",
                        ]),
                    Item(
                        id: "UP5",
                        prompt: "There is effective scrutiny of our progress and clear accountability for delivery.",
                        guidance: "Progress is reported regularly to senior leaders, elected members and partner boards, who question and challenge it. Each action has a named owner and a timescale. When progress stalls, this is noticed and acted on.",
                        evidence: [
                            "Scrutiny or committee reports and minutes",
                            "An action plan with named owners and timescales",
                            "Examples of challenge that led to changes",
                        ]),
                    Item(
                        id: "UP6",
                        prompt: "We report back to communities on what we have heard and what we have done as a result.",
                        guidance: "The partnership tells families and communities what difference their views have made, using a \"you said, we did\" approach. Reporting uses plain language and channels people actually use. Communities can see where progress has been made and where things have not yet changed, and why.",
                        evidence: [
                            "\"You said, we did\" updates or newsletters",
                            "Plain-language or child-friendly versions of the annual report",
                            "Community events or conferences that report on progress",
                        ]),
                ]),
        ],
        horizons: PlanningHorizon.defaults,
        actionThemes: [
            ActionTheme(
                id: "employment", title: "Income from employment",
                description: "Actions that help parents into fair, secure work and to increase their hours and earnings."),
            ActionTheme(
                id: "costs", title: "Costs of living",
                description: "Actions that reduce what families pay for essentials such as housing, fuel, food, transport, childcare and school."),
            ActionTheme(
                id: "social-security", title: "Income from social security and benefits in kind",
                description: "Actions that make sure families receive all the benefits, grants and in-kind support they are entitled to."),
            ActionTheme(
                id: "enablers", title: "Enablers",
                description: "Actions that strengthen how the partnership works: data, partnership, lived experience and leadership."),
        ]
    )
}
