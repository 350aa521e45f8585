using KnowledgeBase.Core.Curation;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review reset &lt;entry-id&gt;... --db &lt;file&gt;</c>.</summary>
internal sealed class ReviewResetCommand() : ReviewStatusCommand(CurationStatus.Candidate);
