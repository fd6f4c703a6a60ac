import { Button, Card, EmptyState, LoadErrorAlert, Spinner } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FaqDialog } from "./FaqDialog.tsx";
import { SourceBadge } from "./SourceBadge.tsx";

type Faq = RouterOutputs["tenant"]["catalog"]["faqs"][number];

/** Questions customers ask, with the answers the AI receptionist and the website give. */
export function FaqsCard({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const faqs = useQuery(trpc.tenant.catalog.faqs.queryOptions());
  const [editing, setEditing] = useState<Faq | "new" | null>(null);
  const description = "Your AI receptionist and website answer customers with these.";
  const addButton = isAdmin ? (
    <Button size="sm" variant="primary" onClick={() => setEditing("new")}>
      Add question
    </Button>
  ) : null;

  if (faqs.isPending) {
    return (
      <Card title="Questions and answers" description={description}>
        <Spinner label="Loading questions…" showLabel />
      </Card>
    );
  }
  if (faqs.isError) {
    return (
      <LoadErrorAlert
        title="Your questions couldn't be loaded"
        error={faqs.error}
        onRetry={() => void faqs.refetch()}
        retrying={faqs.isFetching}
      />
    );
  }
  return (
    <Card title="Questions and answers" description={description} actions={addButton}>
      {faqs.data.length === 0 ? (
        <EmptyState
          headingLevel={3}
          title="No questions yet"
          description="Add the questions customers ask most, so nobody has to answer them twice."
        />
      ) : (
        <dl className="tenant-faqs">
          {faqs.data.map((faq) => (
            <div key={faq.id} className="tenant-faqs__item">
              <dt>
                <span className="tenant-catalog-item__title">
                  {faq.question} <SourceBadge source={faq.source} />
                </span>
              </dt>
              <dd>
                <p>{faq.answer}</p>
                {isAdmin ? (
                  <Button size="sm" onClick={() => setEditing(faq)} aria-label={`Edit answer: ${faq.question}`}>
                    Edit
                  </Button>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {editing ? <FaqDialog faq={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
