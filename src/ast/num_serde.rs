//! Exact numbers are written to JSON as decimal strings (`"123"`, `"-1/3"`),
//! never as floats, so nothing is lost and any size fits.

pub mod bigint {
    use num_bigint::BigInt;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &BigInt, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BigInt, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|_| D::Error::custom(format!("not an integer: {text:?}")))
    }
}

pub mod bigrational {
    use num_bigint::BigInt;
    use num_rational::BigRational;
    use num_traits::One;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &BigRational, s: S) -> Result<S::Ok, S::Error> {
        if v.denom().is_one() {
            s.collect_str(v.numer())
        } else {
            s.collect_str(&format_args!("{}/{}", v.numer(), v.denom()))
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BigRational, D::Error> {
        let text = String::deserialize(d)?;
        let bad = || D::Error::custom(format!("not a rational: {text:?}"));
        let (n, q) = match text.split_once('/') {
            Some((n, q)) => (n, q),
            None => (text.as_str(), "1"),
        };
        let n: BigInt = n.trim().parse().map_err(|_| bad())?;
        let q: BigInt = q.trim().parse().map_err(|_| bad())?;
        if q == BigInt::from(0) {
            return Err(bad());
        }
        Ok(BigRational::new(n, q))
    }
}
