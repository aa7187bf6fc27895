//! The views of an awards feed: `breakdown`, `podium` and `roll`. `texts`
//! holds the award texts and text blocks they share.

mod breakdown;
mod podium;
mod roll;
mod texts;

use super::Context;

pub(super) use breakdown::render_breakdown;
pub(super) use podium::render_podium;
pub(super) use roll::render_roll;
pub(super) use texts::AwardTypes;
