use std::time::Instant;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let opts = mathgrade::compare::Options { allow_set_relation_comp: true, ..Default::default() };
    for _ in 0..2 {
        let t = Instant::now();
        let v = mathgrade::compare::verify_str(&a[1], &a[2], &opts);
        println!("{:?} {:?} in {:.2} ms", v.equal, v.method, t.elapsed().as_secs_f64() * 1e3);
    }
    for s in [&a[1], &a[2]] {
        let t = Instant::now();
        let v = mathgrade::compare::verify_str(s, s, &opts);
        println!("self {s}: {:?} {:?} in {:.2} ms", v.equal, v.method, t.elapsed().as_secs_f64() * 1e3);
    }
}
