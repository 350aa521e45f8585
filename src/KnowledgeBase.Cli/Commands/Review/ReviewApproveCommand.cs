using KnowledgeBase.Core.Curation;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review approve &lt;entry-id&gt;... --db &lt;file&gt;</c>.</summary>
internal sealed class ReviewApproveCommand() : ReviewStatusCommand(CurationStatus.Approved);
