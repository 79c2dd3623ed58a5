import { parentPort, workerData } from "node:worker_threads";
import { checkArticleContent, type DecodedArticle } from "./check.ts";
import type { FurnitureEvidence } from "../ingest/furniture.ts";

/** One share of `checkArticleContent` in a worker thread (see run-check.ts). */
const { articles, evidence, now } = workerData as { articles: DecodedArticle[]; evidence: FurnitureEvidence; now: Date };
parentPort!.postMessage(checkArticleContent(articles, evidence, now));
