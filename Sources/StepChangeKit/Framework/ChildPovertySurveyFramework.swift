import Foundation

extension Framework {
    /// The built-in Child Poverty Self-Assessment as its pre-workshop survey asks it: the same four
    /// headings and statements, each answered Strongly disagree … Strongly agree or Don't know, so a
    /// partnership can score in the room on the scale its survey respondents used.
    public static let childPovertySurvey: Framework = {
        var framework = Framework.childPoverty
        framework.id = "child-poverty-survey"
        framework.title = "Child Poverty Self-Assessment (survey scale)"
        framework.description = "The child poverty self-assessment with the agree/disagree scale of its pre-workshop survey. "
            + "The same four headings and statements as child-poverty: understanding local need, using a wide range of policy levers, "
            + "ways of working and understanding our progress. Respondents and the group say how far they agree with each statement."
        framework.scale = Scale(levels: [
            ScaleLevel(value: 1, label: "Strongly disagree", descriptor: "This is not true of our partnership at all."),
            ScaleLevel(value: 2, label: "Disagree", descriptor: "This is mostly not true of our partnership yet."),
            ScaleLevel(value: 3, label: "Neither agree nor disagree", descriptor: "This is partly true: some of it is in place, some is not."),
            ScaleLevel(value: 4, label: "Agree", descriptor: "This is mostly true of our partnership."),
            ScaleLevel(value: 5, label: "Strongly agree", descriptor: "This is fully true of our partnership, and we can show it."),
        ], dontKnow: DontKnowOption(label: "Don't know", descriptor: "I do not know enough about this to say."))
        return framework
    }()
}
