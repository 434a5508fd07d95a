//! [`Meta`]: the fields of a JSON Lines input line other than `id` and
//! `text` (outlet, date, url, anything), carried unchanged, in their
//! order, to the document's output record.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// A JSON object that keeps its keys in input order (serde_json's own map
/// sorts them). A key given twice keeps its first place and its last value,
/// as JSON parsers that keep the last duplicate do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta(Vec<(String, Value)>);

impl Meta {
    /// An empty object.
    pub fn new() -> Self {
        Meta::default()
    }

    /// Sets `key` to `value`, in place when the key is already there.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// Removes `key` and returns its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Meta {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Meta {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MetaVisitor;

        impl<'de> Visitor<'de> for MetaVisitor {
            type Value = Meta;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Meta, A::Error> {
                let mut meta = Meta::new();
                while let Some((key, value)) = access.next_entry::<String, Value>()? {
                    meta.insert(key, value);
                }
                Ok(meta)
            }
        }

        deserializer.deserialize_map(MetaVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_values() {
        let line = r#"{"z":1,"outlet":"AP","a":[1,{"b":null}],"n":2.5}"#;
        let meta: Meta = serde_json::from_str(line).unwrap();
        let keys: Vec<&str> = meta.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["z", "outlet", "a", "n"]);
        assert_eq!(serde_json::to_string(&meta).unwrap(), line);
    }

    #[test]
    fn a_repeated_key_keeps_its_place_and_last_value() {
        let mut meta: Meta = serde_json::from_str(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        assert_eq!(serde_json::to_string(&meta).unwrap(), r#"{"a":3,"b":2}"#);
        assert_eq!(meta.remove("a"), Some(Value::from(3)));
        assert_eq!((meta.len(), meta.get("b")), (1, Some(&Value::from(2))));
    }

    #[test]
    fn rejects_non_objects() {
        assert!(serde_json::from_str::<Meta>("[1, 2]").is_err());
        assert!(serde_json::from_str::<Meta>("\"x\"").is_err());
    }
}
