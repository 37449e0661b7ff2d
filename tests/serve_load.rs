//! `foitag serve` under load: 32 clients for a fixed time on loopback send shipped letters,
//! binary junk and oversized bodies. Every answer must be right (the letter's labelled outcome
//! and grounds, 422 for junk, 413 for too large) and the server must answer afterwards. Prints
//! requests per second and the 95th percentile latency.
mod serve_common;

use serde_json::Value;
use serve_common::Server;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CLIENTS: usize = 32;
const RUN_FOR: Duration = Duration::from_secs(12);
const MAX_BYTES: usize = 200_000;

/// One shipped letter and what its label says.
struct Letter {
    name: String,
    bytes: Vec<u8>,
    outcome: String,
    cited: String,
}

fn letters() -> Vec<Letter> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut rdr = csv::Reader::from_path(corpus.join("labels.csv")).unwrap();
    let h = rdr.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (id, outcome, cited) = (col("id"), col("outcome"), col("cited"));
    rdr.records()
        .map(|r| r.unwrap())
        .filter_map(|r| {
            let name = format!("{}.txt", &r[id]);
            let bytes = std::fs::read(corpus.join(&name)).ok()?;
            Some(Letter { name, bytes, outcome: r[outcome].to_string(), cited: r[cited].to_string() })
        })
        .collect()
}

/// Bytes that are no text in any encoding foitag reads (xorshift noise with NULs).
fn junk(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if i % 7 == 0 {
                0
            } else {
                x as u8
            }
        })
        .collect()
}

/// What one request was and whether its answer was right.
struct Outcome {
    latency: Duration,
    wrong: Option<String>,
}

/// Whether an answer (status, JSON) is right: `Some(what is wrong)` when not.
type Check = Box<dyn Fn(u16, &Value) -> Option<String> + Send>;

async fn one(client: &reqwest::Client, url: &str, i: usize, letters: &[Letter]) -> Outcome {
    let started = Instant::now();
    let (request, expect): (reqwest::RequestBuilder, Check) = match i % 8 {
        6 => {
            let pdf = i % 16 == 6;
            let q = if pdf { "?filename=scan.pdf" } else { "" };
            (
                client.post(format!("{url}/api/classify{q}")).body(junk(i as u64, 4096)),
                Box::new(|status, v| (status != 422 || !v["error"].is_string()).then(|| format!("junk: {status} {v}"))),
            )
        }
        7 => (
            client.post(format!("{url}/api/classify")).body(vec![b'a'; MAX_BYTES + 50_000]),
            Box::new(|status, v| {
                (status != 413 || !v["error"].as_str().unwrap_or("").contains("too large")).then(|| format!("oversized: {status} {v}"))
            }),
        ),
        _ => {
            let l = &letters[i % letters.len()];
            let (name, outcome, cited) = (l.name.clone(), l.outcome.clone(), l.cited.clone());
            (
                client.post(format!("{url}/api/classify?filename={}", l.name)).body(l.bytes.clone()),
                Box::new(move |status, v| {
                    let got_cited = v["cited"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(";"));
                    (status != 200 || v["outcome"] != outcome.as_str() || got_cited.as_deref() != Some(cited.as_str()))
                        .then(|| format!("{name}: {status} outcome {} cited {got_cited:?}", v["outcome"]))
                }),
            )
        }
    };
    let wrong = match request.send().await {
        Ok(res) => {
            let status = res.status().as_u16();
            match res.bytes().await.map(|b| serde_json::from_slice::<Value>(&b)) {
                Ok(Ok(v)) => expect(status, &v),
                Ok(Err(e)) => Some(format!("answer {status} not JSON: {e}")),
                Err(e) => Some(format!("answer {status} cut off: {e}")),
            }
        }
        Err(e) => Some(format!("no answer: {e}")),
    };
    Outcome { latency: started.elapsed(), wrong }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_two_clients_get_right_answers_and_the_server_stays_up() {
    let server = Server::start(&["--max-bytes", &MAX_BYTES.to_string()]);
    let url = Arc::new(server.url.clone());
    let letters = Arc::new(letters());
    assert!(letters.len() > 20);
    let client = reqwest::Client::builder().pool_max_idle_per_host(CLIENTS).build().unwrap();
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + RUN_FOR;
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let (client, url, letters, next) = (client.clone(), url.clone(), letters.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut done = Vec::new();
            while Instant::now() < deadline {
                let i = next.fetch_add(1, Ordering::SeqCst);
                done.push(one(&client, &url, i, &letters).await);
            }
            done
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let elapsed = started.elapsed();
    let wrong: Vec<&String> = all.iter().filter_map(|o| o.wrong.as_ref()).collect();
    assert!(wrong.is_empty(), "{} of {} answers wrong, e.g. {:?}", wrong.len(), all.len(), &wrong[..wrong.len().min(5)]);
    assert!(all.len() >= CLIENTS * 2, "only {} requests in {elapsed:?}", all.len());

    let mut lat: Vec<Duration> = all.iter().map(|o| o.latency).collect();
    lat.sort();
    let p95 = lat[(lat.len() * 95).div_ceil(100) - 1];
    let p50 = lat[lat.len() / 2];
    println!(
        "serve load: {} requests from {CLIENTS} clients in {:.1} s: {:.1} requests/s, p50 {} ms, p95 {} ms (letters 6/8, junk 1/8, oversized 1/8; {} build)",
        all.len(),
        elapsed.as_secs_f64(),
        all.len() as f64 / elapsed.as_secs_f64(),
        p50.as_millis(),
        p95.as_millis(),
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );

    let health: Value =
        serde_json::from_slice(&client.get(format!("{url}/api/health")).send().await.unwrap().bytes().await.unwrap()).unwrap();
    assert_eq!(health["status"], "ok");
    let after = one(&client, &url, 0, &letters).await;
    assert!(after.wrong.is_none(), "{:?}", after.wrong);
}
