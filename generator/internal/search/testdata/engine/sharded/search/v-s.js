joinedupSearch.add("v-s",{"say":[1,15],"school":[1,15],"social":[2,15],"someon":[1,15],"spoke":[1,15],"stay":[1,15],"stori":[1,15],"support":[13,15,0,8]});
